using System.Diagnostics;

namespace DrillRunner.FaultLatency;

/// <summary>The baseline: what an operator types, <c>docker kill</c> / <c>docker restart</c>, then <c>docker inspect</c>.</summary>
internal static class DockerCli
{
    public static async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("docker CLI did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"docker {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    /// <summary>"status pid", e.g. <c>exited 0</c> or <c>running 4242</c>.</summary>
    public static Task<string> StateAsync(string container, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, "inspect", "-f", "{{.State.Status}} {{.State.Pid}}", container);
}
