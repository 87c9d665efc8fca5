using System.Diagnostics;
using System.Text;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Images;

/// <summary>Runs a build tool to completion and returns its output; a failure carries the output's tail.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // closed at once: a tool that reads stdin when it is not a terminal (mmdebstrap) sees none
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = StartOrThrow(info);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = new StringBuilder(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false)).ToString();
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', output.Split('\n').TakeLast(15));
            throw new DriverException($"`{fileName} {string.Join(' ', info.ArgumentList)}` failed with exit code {process.ExitCode}:\n{tail}");
        }

        return output;
    }

    private static Process StartOrThrow(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new DriverException($"Could not start `{info.FileName}`.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DriverException($"Could not start `{info.FileName}` (is it installed?): {e.Message}", e);
        }
    }
}
