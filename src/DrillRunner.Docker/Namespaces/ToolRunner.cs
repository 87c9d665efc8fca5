using System.Diagnostics;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Namespaces;

/// <summary>Runs a host program to completion with optional input, bounded in time; never through a shell.</summary>
internal static class ToolRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<ToolResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string? input, TimeProvider time, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var process = Start(info);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), linked.Token).ConfigureAwait(false);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new DriverException($"`{Describe(info)}` did not finish within {Timeout.TotalSeconds:0}s");
            }

            throw;
        }

        return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), Describe(info));
    }

    private static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new DriverException($"could not start {info.FileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DriverException($"could not start {info.FileName}: {e.Message}", e);
        }
    }

    private static string Describe(ProcessStartInfo info) => $"{System.IO.Path.GetFileName(info.FileName)} {string.Join(' ', info.ArgumentList)}";
}

/// <summary>Exit code and output of a finished program.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error, string Command)
{
    public ToolResult ThrowIfFailed()
    {
        if (ExitCode != 0)
        {
            throw new DriverException($"`{Command}` failed (exit {ExitCode}): {(Error + Output).Trim()}");
        }

        return this;
    }
}
