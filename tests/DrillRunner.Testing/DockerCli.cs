using System.Diagnostics;

namespace DrillRunner.Testing;

/// <summary>The docker CLI, for what a test checks on the engine itself (containers and volumes left behind, users).</summary>
public static class DockerCli
{
    /// <summary>Runs <c>docker ARGS</c> and returns its standard output, trimmed; standard error is read and dropped.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(output, error);
        await process.WaitForExitAsync();
        return (await output).Trim();
    }
}
