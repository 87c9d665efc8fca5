namespace DrillRunner.Docker.Tests.Infrastructure;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrillRunner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DrillRunner.sln not found above " + AppContext.BaseDirectory);
    }

    public static string DemoShopProject => Path.Combine(Find(), "src", "DemoShop");
}
