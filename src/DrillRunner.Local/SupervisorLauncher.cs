using System.Collections.Concurrent;
using System.Diagnostics;
using DrillRunner.Drivers;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local;

/// <summary>
/// Finds the live supervisor of a state directory or starts one in its own session (setsid), so it
/// outlives the command that started it and a kill of that command's process group.
/// </summary>
internal sealed class SupervisorLauncher(string stateDirectory, LocalDriverOptions options, HttpClient http, TimeProvider timeProvider)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Kept, not disposed: .NET reaps the children it tracks, so an exited supervisor never lingers as a zombie.
    private static readonly ConcurrentDictionary<int, Process> Started = new();

    /// <summary>The state of a live supervisor, or null.</summary>
    public SupervisorState? FindLive()
    {
        var state = StateFiles.TryRead(stateDirectory);
        return state is not null && ProcStat.ReadAlive(state.SupervisorPid, state.SupervisorStartTicks) is not null ? state : null;
    }

    public async Task<SupervisorClient?> ConnectAsync(CancellationToken cancellationToken)
    {
        if (FindLive() is not { ControlToken: { } token } state)
        {
            return null;
        }

        var client = new SupervisorClient(http, state.ControlPort, token);
        return await client.PingAsync(cancellationToken) ? client : null;
    }

    public async Task<SupervisorClient> EnsureRunningAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (await ConnectAsync(cancellationToken) is { } running)
        {
            progress.Report($"reusing supervisor (pid {FindLive()?.SupervisorPid}) in {stateDirectory}");
            return running;
        }

        StateFiles.EnsureStateFolder(stateDirectory);
        var process = Process.Start(CreateStartInfo())
            ?? throw new DriverException($"could not start the local supervisor for {stateDirectory}");
        Started[process.Id] = process;
        progress.Report($"started supervisor (pid {process.Id}) in {stateDirectory}");

        var start = timeProvider.GetTimestamp();
        var attempts = (int)(options.SupervisorStartTimeout / PollInterval) + 1;
        for (var attempt = 0; attempt < attempts && timeProvider.GetElapsedTime(start) < options.SupervisorStartTimeout; attempt++)
        {
            // A supervisor started concurrently by another command may win the lock; either one will do.
            if (await ConnectAsync(cancellationToken) is { } client)
            {
                return client;
            }

            if (process.HasExited && FindLive() is null)
            {
                break;
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }

        throw new DriverException(
            $"local supervisor for {stateDirectory} did not come up within {options.SupervisorStartTimeout.TotalSeconds:0.#}s"
            + $"{Environment.NewLine}{LogTail.Read(Path.Combine(stateDirectory, StateFiles.SupervisorLogName))}");
    }

    /// <summary><c>setsid sh -c 'exec dotnet drill-supervisor.dll &lt;dir&gt;'</c> with its output in <c>supervisor.log</c>.</summary>
    public ProcessStartInfo CreateStartInfo()
    {
        var supervisor = LocateSupervisor();
        var info = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "setsid")
        {
            UseShellExecute = false,
            WorkingDirectory = stateDirectory,
        };
        info.ArgumentList.Add("/bin/sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" \"$@\" </dev/null >>supervisor.log 2>&1");
        info.ArgumentList.Add(DotnetHostLocator.Find(
            options.DotnetHost, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath));
        info.ArgumentList.Add(supervisor);
        info.ArgumentList.Add(stateDirectory);
        return info;
    }

    private string LocateSupervisor()
    {
        var path = options.SupervisorPath
            ?? Path.Combine(Path.GetDirectoryName(typeof(SupervisorLauncher).Assembly.Location) ?? AppContext.BaseDirectory, LocalDriverConstants.SupervisorAssembly);
        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new DriverException($"{LocalDriverConstants.SupervisorAssembly} not found at {path}; set LocalDriverOptions.SupervisorPath");
    }
}
