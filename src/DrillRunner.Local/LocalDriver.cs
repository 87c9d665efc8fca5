using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Shared;
using DrillRunner.Model;

namespace DrillRunner.Local;

/// <summary>
/// The <c>local</c> driver. Reads come from the supervisor's state file checked against <c>/proc</c>;
/// changes go through the supervisor's control API, except crash and pause, which signal the pid
/// directly as the OS would.
/// </summary>
internal sealed partial class LocalDriver : IEnvironmentDriver, IInstanceLifecycle, IInstanceReconfiguration, IServiceScaling, IProcessSignals
{
    private readonly EnvironmentSpec _environment;
    private readonly LocalDriverOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string _stateDirectory;
    private readonly HttpClient _http;
    private readonly SupervisorLauncher _launcher;
    private readonly InstanceInspector _inspector;

    public LocalDriver(EnvironmentSpec environment, LocalDriverOptions options, TimeProvider timeProvider)
    {
        _environment = environment;
        _options = options;
        _timeProvider = timeProvider;
        _stateDirectory = Path.GetFullPath(Path.Combine(options.StateRoot, environment.Name));
        _http = new HttpClient { Timeout = options.ControlTimeout };
        _launcher = new SupervisorLauncher(_stateDirectory, options, _http, timeProvider);
        _inspector = new InstanceInspector(_http, timeProvider, options.HealthTimeout);
    }

    public string Name => LocalDriverConstants.Name;

    internal string StateDirectory => _stateDirectory;

    internal SupervisorLauncher Launcher => _launcher;

    public async Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string service, CancellationToken cancellationToken)
    {
        var records = Records().Where(r => r.Launch.Service == service).ToList();
        return await Task.WhenAll(records.Select(r => _inspector.InspectAsync(r, cancellationToken)));
    }

    public async Task<InstanceInfo> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var record = Records().FirstOrDefault(r => r.Launch.Id == instanceId);
        return record is null
            ? InstanceInfo.Missing(instanceId, ServiceOf(instanceId))
            : await _inspector.InspectAsync(record, cancellationToken);
    }

    public async Task KillAsync(string instanceId, string signal, CancellationToken cancellationToken)
    {
        if (PosixSignals.Parse(signal) is null)
        {
            throw new DriverException($"unknown signal '{signal}' for {instanceId}; use a name like SIGKILL or SIGTERM");
        }

        await (await ClientAsync(cancellationToken)).OperateAsync(
            instanceId, "kill", cancellationToken, query: "?signal=" + Uri.EscapeDataString(signal));
    }

    public Task CrashAsync(string instanceId, CancellationToken cancellationToken) =>
        SignalAsync(instanceId, PosixSignals.SigKill);

    public async Task StopAsync(string instanceId, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).OperateAsync(instanceId, "stop", cancellationToken);

    public async Task StartAsync(string instanceId, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).OperateAsync(instanceId, "start", cancellationToken);

    public Task PauseAsync(string instanceId, CancellationToken cancellationToken) =>
        SignalAsync(instanceId, PosixSignals.SigStop);

    public Task UnpauseAsync(string instanceId, CancellationToken cancellationToken) =>
        SignalAsync(instanceId, PosixSignals.SigCont);

    public async Task RestartAsync(string instanceId, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).OperateAsync(instanceId, "restart", cancellationToken);

    public async Task ReconfigureAsync(string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await (await ClientAsync(cancellationToken)).ReconfigureAsync(instanceId, settings, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        // The processes are meant to outlive this driver; only the HTTP client goes.
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private IReadOnlyList<InstanceRecord> Records() =>
        StateFiles.TryRead(_stateDirectory)?.Instances ?? [];

    private async Task<SupervisorClient> ClientAsync(CancellationToken cancellationToken) =>
        await _launcher.ConnectAsync(cancellationToken)
        ?? throw new DriverException($"environment '{_environment.Name}' is not up: no local supervisor in {_stateDirectory} (run `drill env up`)");

    private Task SignalAsync(string instanceId, int signal)
    {
        var record = Records().FirstOrDefault(r => r.Launch.Id == instanceId)
            ?? throw new DriverException($"no instance '{instanceId}' in environment '{_environment.Name}'");
        if (ProcStat.ReadAlive(record.Pid, record.PidStartTicks) is null || !PosixSignals.SendToInstance(record.Pid!.Value, signal))
        {
            throw new DriverException($"instance '{instanceId}' has no running process to signal");
        }

        // Daemons the instance started that left its process group (a postmaster) share its fate, as in a container.
        foreach (var pid in InstanceProcesses.Find(instanceId, record.Pid))
        {
            PosixSignals.Send(pid, signal);
        }

        return Task.CompletedTask;
    }

    /// <summary>The service part of <c>{environment}-{service}-{index}</c>, for a Missing answer.</summary>
    private string ServiceOf(string instanceId)
    {
        var prefix = _environment.Name + "-";
        var rest = instanceId.StartsWith(prefix, StringComparison.Ordinal) ? instanceId[prefix.Length..] : instanceId;
        var dash = rest.LastIndexOf('-');
        return dash > 0 ? rest[..dash] : rest;
    }
}
