namespace DrillRunner.Server.Tests.Browser;

/// <summary>A fact that drives Debian's Chromium: skipped with the reason when it is missing, unless CI=true (then it fails).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{ExecutablePath} not found (apt-get install chromium, or .ci/install-chromium.sh); CI=true makes this a failure";
        }
    }
}
