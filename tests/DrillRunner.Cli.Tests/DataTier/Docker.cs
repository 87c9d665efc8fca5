using System.Diagnostics;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>The docker CLI, for what a test checks on the engine itself (containers and volumes left behind).</summary>
internal static class Docker
{
    public static async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Trim();
    }
}
