using System.ComponentModel;
using System.Diagnostics;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Local;

/// <summary>Runs a command to its end or its timeout (then kills it and what it started), keeping the tails of its output.</summary>
internal static class LocalCommand
{
    public static async Task<ExecResult> RunAsync(string instanceId, ProcessStartInfo info, ExecRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new DriverException($"{instanceId}: cannot run {request.Display}: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var stdout = new OutputTail(request.TailBytes);
        var stderr = new OutputTail(request.TailBytes);
        using var timeout = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var reading = Task.WhenAll(
            stdout.ReadFromAsync(process.StandardOutput.BaseStream, CancellationToken.None),
            stderr.ReadFromAsync(process.StandardError.BaseStream, CancellationToken.None));
        try
        {
            await process.WaitForExitAsync(linked.Token);
            await reading.WaitAsync(linked.Token);
            return new ExecResult(process.ExitCode, stdout.ToString(), stderr.ToString(), time.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new ExecResult(null, stdout.ToString(), stderr.ToString(), time.GetElapsedTime(started)) { TimedOut = true, Killed = true };
        }
    }
}
