using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DrillRunner.Engine.Watch;
using DrillRunner.Local.Shared;
using DrillRunner.Units;

namespace DrillRunner.Hosting.Watchdog;

/// <summary>
/// Starts one <c>drill watchdog</c> process per run, in a session of its own (setsid), so it outlives the runner, a
/// Ctrl+C to the runner's terminal and a kill of its process group, and waits until it watches before the run changes
/// anything. The runner then renews its heartbeat every sixth of the lease.
/// </summary>
internal sealed class ProcessRunWatchdog(string stateDirectory, WatchdogLaunch launch, bool recover, TimeProvider time) : IRunWatchdog
{
    public static readonly TimeSpan ArmTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ArmPoll = TimeSpan.FromMilliseconds(50);

    // Kept, not disposed: .NET reaps the children it tracks, so a finished watchdog never lingers as a zombie.
    private static readonly ConcurrentDictionary<int, Process> Started = new();

    public async Task<IRunWatch> WatchAsync(WatchedRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var heartbeatPath = Heartbeat.PathOf(stateDirectory, run.RunId);
        var armedPath = Heartbeat.ArmedPathOf(stateDirectory, run.RunId);
        new Heartbeat(run.RunId, run.Environment, Environment.ProcessId, ProcStat.Read(Environment.ProcessId)?.StartTicks, run.Lease.TotalSeconds, recover)
            .Write(heartbeatPath);
        File.SetLastWriteTimeUtc(heartbeatPath, time.GetUtcNow().UtcDateTime);
        var process = Process.Start(StartInfo(run.RunId))
            ?? throw new WatchdogUnavailableException($"could not start the run's watchdog ({launch.FileName}), so nothing was changed");
        Started[process.Id] = process;

        var start = time.GetTimestamp();
        while (!File.Exists(armedPath))
        {
            if (process.HasExited || time.GetElapsedTime(start) > ArmTimeout)
            {
                File.Delete(heartbeatPath);
                if (!process.HasExited)
                {
                    process.Kill();
                }

                throw new WatchdogUnavailableException(
                    $"the run's watchdog (dead-man's switch) did not start within {ArmTimeout.TotalSeconds:0}s, so nothing was changed; see {Heartbeat.LogPathOf(stateDirectory, run.RunId)}");
            }

            await Task.Delay(ArmPoll, time, cancellationToken);
        }

        return new RunWatch(heartbeatPath, process, RenewEvery(run.Lease), time,
            $"watchdog pid {process.Id.ToString(CultureInfo.InvariantCulture)}: restores this run if the runner dies, or stops renewing its heartbeat for {DurationParser.Format(run.Lease)} (lease)");
    }

    /// <summary>Often enough that a slow machine never misses a lease: a sixth of it, between 1 and 10 seconds.</summary>
    public static TimeSpan RenewEvery(TimeSpan lease) =>
        TimeSpan.FromTicks(Math.Clamp(lease.Ticks / 6, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(10).Ticks));

    // setsid: a session of its own; sh only sends the output to the run's watchdog log.
    private ProcessStartInfo StartInfo(string runId)
    {
        var info = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "setsid") { UseShellExecute = false };
        info.ArgumentList.Add("/bin/sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=$1; shift; exec \"$0\" \"$@\" </dev/null >>\"$log\" 2>&1");
        info.ArgumentList.Add(launch.FileName);
        info.ArgumentList.Add(Heartbeat.LogPathOf(stateDirectory, runId));
        foreach (var argument in launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add(runId);
        info.ArgumentList.Add("--state-dir");
        info.ArgumentList.Add(Path.GetFullPath(stateDirectory));
        return info;
    }

    private sealed class RunWatch : IRunWatch
    {
        // The watchdog looks every 500 ms; a run that ended well leaves no process behind when the runner returns.
        private static readonly TimeSpan StandDownWait = TimeSpan.FromSeconds(3);
        private readonly string _path;
        private readonly Process _process;
        private readonly TimeProvider _time;
        private readonly ITimer _timer;

        public RunWatch(string path, Process process, TimeSpan every, TimeProvider time, string description)
        {
            _path = path;
            _process = process;
            _time = time;
            Description = description;
            _timer = time.CreateTimer(_ => Renew(), null, every, every);
        }

        public string Description { get; }

        public async ValueTask DisposeAsync()
        {
            await _timer.DisposeAsync();

            // The run ended (its end is in the journal): the watchdog sees the heartbeat gone and stands down.
            File.Delete(_path);

            // It stays on only to retry a failed restore; then it is meant to outlive the runner.
            using var wait = new CancellationTokenSource(StandDownWait, _time);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private void Renew()
        {
            try
            {
                File.SetLastWriteTimeUtc(_path, _time.GetUtcNow().UtcDateTime);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Missed once; the lease is six renewals long.
            }
        }
    }
}
