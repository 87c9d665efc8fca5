using System.Diagnostics;
using DrillRunner.Local.Shared;

namespace DrillRunner.Local.Supervisor;

/// <summary>
/// One instance's process and its restart policy. Mutations run under <see cref="Gate"/>; the exit
/// callback only records the exit and schedules a restart, so it never waits for the gate.
/// </summary>
internal sealed class ManagedInstance(InstanceLaunch launch, string logPath, TimeProvider timeProvider, Action changed)
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly Lock _sync = new();
    private Process? _process;
    private long? _startTicks;
    private bool _wantRunning;
    private long _generation;
    private InstancePhase _phase = InstancePhase.Stopped;
    private int? _exitCode;
    private int _restarts;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public InstanceLaunch Launch { get; private set; } = launch;

    public InstanceRecord Snapshot()
    {
        lock (_sync)
        {
            return new InstanceRecord
            {
                Launch = Launch,
                Phase = _phase,
                Pid = _process?.Id,
                PidStartTicks = _startTicks,
                ExitCode = _exitCode,
                Restarts = _restarts,
                LogPath = logPath,
            };
        }
    }

    public void Start()
    {
        lock (_sync)
        {
            _wantRunning = true;
            _generation++;
            if (_process is not null)
            {
                return;
            }
        }

        Spawn();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var process = StandDown();

        if (process is not null)
        {
            // SIGCONT after SIGTERM: a paused process only acts on the TERM once it runs again.
            PosixSignals.SendToInstance(process.Id, PosixSignals.SigTerm);
            PosixSignals.SendToInstance(process.Id, PosixSignals.SigCont);
            if (!await WaitForExitAsync(process, Launch.StopGrace, cancellationToken))
            {
                PosixSignals.SendToInstance(process.Id, PosixSignals.SigKill);
                await WaitForExitAsync(process, KillWait, cancellationToken);
            }

            // Recorded here too, not only in the exit callback: a start right after a stop must see no process.
            if (process.HasExited)
            {
                OnExited(process);
            }
        }

        changed();
    }

    /// <summary>
    /// The instance is wanted down from now on (no restart by policy); returns its process, if one runs, to signal.
    /// </summary>
    private Process? StandDown()
    {
        lock (_sync)
        {
            _wantRunning = false;
            _generation++;
            if (_process is null)
            {
                _phase = InstancePhase.Stopped;
            }

            return _process;
        }
    }

    /// <summary>A manual kill: the supervisor knows, so the instance stays down.</summary>
    public void Signal(int signal)
    {
        var process = StandDown();

        if (process is not null)
        {
            PosixSignals.SendToInstance(process.Id, signal);
            if (signal is not (PosixSignals.SigKill or PosixSignals.SigStop or PosixSignals.SigCont))
            {
                PosixSignals.SendToInstance(process.Id, PosixSignals.SigCont);
            }
        }

        changed();
    }

    public void Reconfigure(IReadOnlyDictionary<string, string?> settings)
    {
        var merged = new Dictionary<string, string>(Launch.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        Launch = Launch with { Settings = merged };
    }

    private void Spawn()
    {
        var info = InstanceStartInfo.Create(Launch, logPath);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.Exited += (_, _) => OnExited(process);
        lock (_sync)
        {
            process.Start();
            _process = process;
            _startTicks = ProcStat.Read(process.Id)?.StartTicks;
            _phase = InstancePhase.Running;
            _exitCode = null;
        }

        changed();
    }

    private void OnExited(Process process)
    {
        TimeSpan? restartAfter = null;
        long generation;
        lock (_sync)
        {
            if (!ReferenceEquals(process, _process))
            {
                return;
            }

            _exitCode = process.ExitCode;

            // Whatever the instance started dies with it, as in a container: its group, and daemons that detached.
            PosixSignals.SendToGroup(process.Id, PosixSignals.SigKill);
            foreach (var leftover in InstanceProcesses.Find(Launch.Id, null))
            {
                PosixSignals.Send(leftover, PosixSignals.SigKill);
            }

            _process = null;
            _startTicks = null;
            generation = ++_generation;
            if (!_wantRunning)
            {
                _phase = InstancePhase.Stopped;
            }
            else if (Launch.RestartAfter is { } delay)
            {
                _phase = InstancePhase.Restarting;
                restartAfter = delay;
            }
            else
            {
                _phase = InstancePhase.Exited;
            }
        }

        // Not disposed: a concurrent stop may still be awaiting its exit.
        changed();
        if (restartAfter is { } wait)
        {
            _ = RestartLaterAsync(wait, generation);
        }
    }

    private async Task RestartLaterAsync(TimeSpan delay, long generation)
    {
        await Task.Delay(delay, timeProvider);
        await Gate.WaitAsync();
        try
        {
            lock (_sync)
            {
                // A start, stop or kill in the meantime wins over the policy.
                if (_generation != generation || !_wantRunning || _process is not null)
                {
                    return;
                }

                _restarts++;
            }

            Spawn();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            lock (_sync)
            {
                _phase = InstancePhase.Exited;
            }

            changed();
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            return false;
        }
    }
}
