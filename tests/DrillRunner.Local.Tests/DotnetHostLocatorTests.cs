namespace DrillRunner.Local.Tests;

public sealed class DotnetHostLocatorTests
{
    [Fact]
    public void Under_an_apphost_the_host_is_found_next_to_the_shared_runtime()
    {
        var host = DotnetHostLocator.Find(configured: null, sdkHostPath: null, processPath: "/opt/drill/drill");

        Assert.True(Path.IsPathRooted(host), host);
        Assert.True(File.Exists(host), host);
        Assert.Equal("dotnet", Path.GetFileName(host));
    }

    [Fact]
    public void A_configured_host_wins()
    {
        Assert.Equal("/custom/dotnet", DotnetHostLocator.Find("/custom/dotnet", "/usr/bin/dotnet", "/usr/bin/dotnet"));
    }
}
