namespace DrillRunner.Server.Tests.Browser;

/// <summary>Screenshots go to the repository's <c>TestResults/screenshots</c>, which CI keeps as an artifact.</summary>
internal static class Screenshots
{
    public static string PathFor(string fileName)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DrillRunner.sln")))
        {
            folder = folder.Parent;
        }

        var target = Path.Combine(folder?.FullName ?? Directory.GetCurrentDirectory(), "TestResults", "screenshots");
        Directory.CreateDirectory(target);
        return Path.Combine(target, fileName);
    }
}
