using DrillRunner.Drivers;
using DrillRunner.Local.Shared;
using DrillRunner.Model;

namespace DrillRunner.Local;

/// <summary>Up, down, scale and availability: the calls that create or remove instances.</summary>
internal sealed partial class LocalDriver
{
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(15);

    public Task<DriverAvailability> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var state = _launcher.FindLive();
            if (state is null && WhyLimitsRefused() is { } refused)
            {
                return Task.FromResult(DriverAvailability.Unavailable(refused));
            }

            var detail = state is null
                ? $"local processes; environment '{_environment.Name}' is not up"
                : $"local processes; environment '{_environment.Name}' is up (supervisor pid {state.SupervisorPid}, {state.Instances.Count} instances)";
            return Task.FromResult(DriverAvailability.Available(detail) with { EnvironmentUp = state is not null });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(DriverAvailability.Available($"local processes; state of '{_environment.Name}' unreadable: {ex.Message}"));
        }
    }

    public async Task UpAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (WhyLimitsRefused() is { } refused)
        {
            throw new DriverException(refused);
        }

        var launches = _environment.Services.Values
            .SelectMany(s => Enumerable.Range(1, s.Instances).Select(i => LaunchPlanner.Plan(_environment, s, i, _options, _stateDirectory, FilesFolder(InstanceSettings.InstanceId(_environment, s, i)))))
            .ToList();
        var known = Records().Select(r => r.Launch.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var launch in launches.Where(l => !known.Contains(l.Id)))
        {
            foreach (var port in InstanceSettings.AllPortsOf(LaunchPlanner.Service(_environment, launch.Service), launch.Index))
            {
                PortGuard.ThrowIfInUse(port, launch.Id);
            }
        }

        foreach (var launch in launches)
        {
            DataFolders.Ensure(launch);
        }

        // Files of running instances are theirs (a fault may have changed one): only new instances get fresh ones.
        foreach (var launch in launches.Where(l => !known.Contains(l.Id)))
        {
            LaunchPlanner.WriteFiles(_environment, _environment.Services[launch.Service], launch.Index, FilesFolder(launch.Id));
        }

        var client = await _launcher.EnsureRunningAsync(progress, cancellationToken);
        foreach (var launch in launches)
        {
            var record = await client.AddAsync(launch, cancellationToken);
            progress.Report($"{launch.Id}: pid {record.Pid} on port {launch.Port}, log {record.LogPath}");
        }

        await WaitUntilReadyAsync([.. launches.Select(l => l.Id)], progress, cancellationToken);
        await EnvironmentSetup.RunAsync(_environment, this, progress, _timeProvider, cancellationToken);
    }

    public async Task DownAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var state = StateFiles.TryRead(_stateDirectory);
        if (state is null)
        {
            progress.Report($"environment '{_environment.Name}' is not up");
            return;
        }

        if (await _launcher.ConnectAsync(cancellationToken) is { } client)
        {
            progress.Report($"stopping supervisor (pid {state.SupervisorPid}) and {state.Instances.Count} instances");
            try
            {
                await client.ShutdownAsync(cancellationToken);
            }
            catch (DriverException ex)
            {
                progress.Report($"supervisor did not take the shutdown ({ex.Message}); killing its processes");
            }
        }

        // Whatever outlived the shutdown (or a supervisor that was already dead) is killed outright.
        var supervisorGone = await WaitGoneAsync(state.SupervisorPid, state.SupervisorStartTicks, cancellationToken);
        foreach (var record in (StateFiles.TryRead(_stateDirectory) ?? state).Instances.Concat(state.Instances))
        {
            if (record.Pid is { } pid && ProcStat.ReadAlive(pid, record.PidStartTicks) is not null)
            {
                progress.Report($"{record.Launch.Id}: killing leftover pid {pid}");
                PosixSignals.SendToInstance(pid, PosixSignals.SigKill);
                await WaitGoneAsync(pid, record.PidStartTicks, cancellationToken);
            }
        }

        if (!supervisorGone)
        {
            PosixSignals.Send(state.SupervisorPid, PosixSignals.SigKill);
            await WaitGoneAsync(state.SupervisorPid, state.SupervisorStartTicks, cancellationToken);
        }

        // Daemons that detached from an instance (a postmaster) outlive a supervisor that was killed: find them by marker.
        foreach (var leftover in InstanceProcesses.FindInEnvironment(_environment.Name, _environment.Services.Keys))
        {
            progress.Report($"killing leftover pid {leftover} ({InstanceProcesses.CommandLine(leftover)})");
            PosixSignals.Send(leftover, PosixSignals.SigKill);
            await WaitGoneAsync(leftover, null, cancellationToken);
        }

        File.Delete(StateFiles.StatePath(_stateDirectory));
        if (DataFolders.RemoveAll(_stateDirectory))
        {
            progress.Report($"removed the instances' data folders in {Path.Combine(_stateDirectory, StateFiles.DataFolder)}");
        }

        progress.Report($"environment '{_environment.Name}' is down; logs kept in {_stateDirectory}");
    }

    public async Task ScaleAsync(string service, int replicas, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var spec = LaunchPlanner.Service(_environment, service);
        var client = await ClientAsync(cancellationToken);
        var records = Records().Where(r => r.Launch.Service == service).OrderBy(r => r.Launch.Index).ToList();
        var current = records.Select(r => r.Launch.Index).ToList();
        var next = current.Count == 0 ? 1 : current[^1] + 1;
        for (var added = current.Count; added < replicas; added++, next++)
        {
            var plan = LaunchPlanner.Plan(_environment, spec, next, _options, _stateDirectory, FilesFolder(InstanceSettings.InstanceId(_environment, spec, next)));
            DataFolders.Ensure(plan);
            LaunchPlanner.WriteFiles(_environment, spec, next, FilesFolder(plan.Id));
            if (records.Count > 0)
            {
                var first = records[0].Launch;
                plan = LaunchPlanner.WithDeployedSettings(plan, first, LaunchPlanner.Plan(_environment, spec, first.Index, _options, _stateDirectory, FilesFolder(first.Id)).Settings);
            }

            await client.AddAsync(plan, cancellationToken);
        }

        // Scale-in removes the highest-numbered instances, as a process manager shrinking a pool would.
        foreach (var index in current.AsEnumerable().Reverse().Take(Math.Max(0, current.Count - replicas)))
        {
            await client.RemoveAsync(Model.InstanceSettings.InstanceId(_environment, spec, index), cancellationToken);
        }
    }

    private async Task WaitUntilReadyAsync(IReadOnlyList<string> ids, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var start = _timeProvider.GetTimestamp();
        var attempts = (int)(_options.UpTimeout / ReadyPollInterval) + 1;
        IReadOnlyList<InstanceInfo> notReady = [];
        for (var attempt = 0; attempt < attempts && _timeProvider.GetElapsedTime(start) < _options.UpTimeout; attempt++)
        {
            var infos = await Task.WhenAll(ids.Select(id => GetInstanceAsync(id, cancellationToken)));
            notReady = [.. infos.Where(i => i.State != InstanceState.Running || i.Health is not (InstanceHealth.None or InstanceHealth.Healthy))];
            if (notReady.Count == 0)
            {
                progress.Report($"environment '{_environment.Name}': {ids.Count} instances running");
                return;
            }

            // Without a restart policy an exited instance will not come back: fail now, not at the timeout.
            if (notReady.FirstOrDefault(i => i.State is InstanceState.Exited or InstanceState.Stopped or InstanceState.Missing) is { } dead)
            {
                throw NotReady([dead], $"{dead.Id} exited during up");
            }

            await Task.Delay(ReadyPollInterval, _timeProvider, cancellationToken);
        }

        throw NotReady(notReady, $"environment '{_environment.Name}' did not come up within {_options.UpTimeout.TotalSeconds:0.#}s");
    }

    private DriverException NotReady(IReadOnlyList<InstanceInfo> instances, string headline)
    {
        var details = instances.Select(i =>
            $"{i.Id}: {i.State}, health {i.Health}{Environment.NewLine}{LogTail.Read(StateFiles.LogPath(_stateDirectory, i.Id))}");
        return new DriverException(headline + Environment.NewLine + string.Join(Environment.NewLine, details));
    }

    private async Task<bool> WaitGoneAsync(int pid, long? startTicks, CancellationToken cancellationToken)
    {
        var start = _timeProvider.GetTimestamp();
        for (var attempt = 0; attempt < 300 && _timeProvider.GetElapsedTime(start) < ExitWait; attempt++)
        {
            if (ProcStat.ReadAlive(pid, startTicks) is null)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, cancellationToken);
        }

        return ProcStat.ReadAlive(pid, startTicks) is null;
    }

    // Declared limits are refused, not ignored (an auto environment can reach this driver without the load check).
    private string? WhyLimitsRefused() =>
        _environment.Services.Values.FirstOrDefault(s => s.Limits is not null) is { } limited
            ? $"{_environment.SourceFile}: service '{limited.Name}' declares limits: {LimitsSpec.LocalDriverRefusal}"
            : null;
}
