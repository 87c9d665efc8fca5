using Docker.DotNet.Models;
using DrillRunner.Docker.Containers;
using DrillRunner.Docker.Engine;
using DrillRunner.Docker.Images;
using DrillRunner.Docker.Namespaces;
using DrillRunner.Docker.Network;
using DrillRunner.Docker.Storage;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;

namespace DrillRunner.Docker;

/// <summary>
/// The <c>docker</c> driver: instances are containers named <c>{environment}-{service}-{index}</c> (or adopted
/// by a selector). Mutating calls return once the engine accepted the change; state is always read back from it.
/// </summary>
internal sealed class DockerEnvironmentDriver
    : IEnvironmentDriver, IInstanceLifecycle, IInstanceReconfiguration, IServiceScaling, IInstanceClaims, IProcessSignals,
        INetworkShaping, IResourceLimits, IMountFilling, ILeftoverSweep, IFileAccess, IInstanceExec, IInstanceSignals
{
    private const string DefaultSignal = "SIGKILL";

    private readonly DockerEngine _engine;
    private readonly HealthProbe _probe;
    private readonly DockerDriverOptions _options;
    private readonly InstanceCatalog _catalog;
    private readonly InstanceReader _reader;
    private readonly EnvironmentProvisioner _provisioner;
    private readonly ContainerRecreator _recreator;
    private readonly ServiceScaler _scaler;
    private readonly ProcessCrasher _crasher;
    private readonly ClaimCheck _claims;
    private readonly ContainerFiles _files;
    private readonly ContainerExec _exec;
    private readonly ContainerSignals _signals;
    private readonly NetworkShaper _shaper;
    private readonly ResourceLimiter _limiter;
    private readonly MountFiller _filler;
    private readonly LeftoverSweeper _sweeper;
    private Task? _claimsChecked;
    private readonly ContainerProcesses _processes;
    private readonly TimeProvider _timeProvider;

    public DockerEnvironmentDriver(EnvironmentSpec environment, DockerDriverOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        _engine = new DockerEngine(environment.Docker, options, timeProvider);
        _probe = new HealthProbe(environment.Docker.InstanceHost);
        _catalog = new InstanceCatalog(environment, _engine);
        _reader = new InstanceReader(_engine, _probe);
        Waiter = new InstanceWaiter(_catalog, _reader, _engine, options, timeProvider);
        Images = new LocalImageBuilder(_engine, options, timeProvider);
        _files = new ContainerFiles(_catalog, _engine);
        _exec = new ContainerExec(_catalog, _engine, timeProvider);
        _signals = new ContainerSignals(_catalog, _engine, _exec);
        _provisioner = new EnvironmentProvisioner(_catalog, Waiter, Images, _engine, options, _files);
        _recreator = new ContainerRecreator(_catalog, _engine, options, _files);
        _scaler = new ServiceScaler(_catalog, _engine, _files);
        _crasher = new ProcessCrasher(_catalog, _engine, _exec, timeProvider);
        _claims = new ClaimCheck(_catalog);
        _processes = new ContainerProcesses(_catalog, _engine);
        var namespaces = new NamespaceResolver(_catalog, _engine);
        _shaper = new NetworkShaper(_catalog, namespaces, timeProvider);
        _limiter = new ResourceLimiter(_catalog, _engine);
        _filler = new MountFiller(_catalog, _engine);
        _sweeper = new LeftoverSweeper(_catalog, _engine, namespaces, _filler, timeProvider);
    }

    public string Name => DockerDriverConstants.Name;

    internal InstanceWaiter Waiter { get; }

    internal LocalImageBuilder Images { get; }

    public async Task<DriverAvailability> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            return DriverAvailability.Available(await _engine.PingAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (DriverException e)
        {
            return DriverAvailability.Unavailable(e.Message);
        }
    }

    public async Task UpAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        await this.ThrowIfClaimedElsewhereAsync(cancellationToken).ConfigureAwait(false);
        EnvironmentSetup.EnsureSupported(_catalog.Environment, this);
        await _provisioner.UpAsync(progress, cancellationToken).ConfigureAwait(false);
        await EnvironmentSetup.RunAsync(_catalog.Environment, this, progress, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    public Task DownAsync(IProgress<string> progress, CancellationToken cancellationToken) => _provisioner.DownAsync(progress, cancellationToken);

    public async Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string service, CancellationToken cancellationToken)
    {
        var spec = _catalog.Service(service);
        var result = new List<InstanceInfo>();
        foreach (var container in await _catalog.ListServiceAsync(spec, cancellationToken).ConfigureAwait(false))
        {
            // By id and never healing: listing runs beside recreates of this and other processes (a drill's sampler,
            // an autoscaler), and "healing" a container another process just set aside breaks that recreate.
            if (await _catalog.InspectAsync(container.ID, cancellationToken).ConfigureAwait(false) is { } found)
            {
                result.Add(await _reader.ReadAsync(found.Container, found.Service, cancellationToken).ConfigureAwait(false));
            }
        }

        return result;
    }

    public async Task<InstanceInfo> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var found = await _catalog.FindAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (found is not { } f)
        {
            var prefix = $"{_catalog.Environment.Name}-";
            var service = _catalog.Environment.Services.Keys.FirstOrDefault(s => instanceId.StartsWith($"{prefix}{s}-", StringComparison.Ordinal));
            return InstanceInfo.Missing(instanceId, service ?? "");
        }

        return await _reader.ReadAsync(f.Container, f.Service, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Loading.FileProblem>> FindConflictsAsync(CancellationToken cancellationToken) => _claims.FindConflictsAsync(cancellationToken);

    public Task KillAsync(string instanceId, string signal, CancellationToken cancellationToken) =>
        OnContainerAsync(
            "kill", instanceId, (c, id, ct) => c.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = string.IsNullOrEmpty(signal) ? DefaultSignal : signal }, ct), cancellationToken);

    public async Task CrashAsync(string instanceId, CancellationToken cancellationToken)
    {
        await EnsureUnclaimedAsync(cancellationToken).ConfigureAwait(false);
        await _crasher.CrashAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(string instanceId, CancellationToken cancellationToken) =>
        OnContainerAsync("stop", instanceId, (c, id, ct) => c.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)_options.StopGraceSeconds }, ct), cancellationToken);

    public Task StartAsync(string instanceId, CancellationToken cancellationToken) =>
        OnContainerAsync("start", instanceId, (c, id, ct) => c.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct), cancellationToken, disruptive: false);

    public Task PauseAsync(string instanceId, CancellationToken cancellationToken) =>
        OnContainerAsync("pause", instanceId, (c, id, ct) => c.Containers.PauseContainerAsync(id, ct), cancellationToken, skipWhen: s => s.Paused);

    public Task UnpauseAsync(string instanceId, CancellationToken cancellationToken) =>
        OnContainerAsync("unpause", instanceId, (c, id, ct) => c.Containers.UnpauseContainerAsync(id, ct), cancellationToken, skipWhen: s => !s.Paused, disruptive: false);

    public Task RestartAsync(string instanceId, CancellationToken cancellationToken) =>
        OnContainerAsync("restart", instanceId, (c, id, ct) => c.Containers.RestartContainerAsync(id, new ContainerRestartParameters { WaitBeforeKillSeconds = (uint)_options.StopGraceSeconds }, ct), cancellationToken);

    // Not checked for claims: a recreate is also how a misconfigure is undone, and scaling never touches adopted
    // containers (ServiceScaler refuses services with a selector).
    public Task ReconfigureAsync(string instanceId, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        _recreator.ReconfigureAsync(instanceId, settings, cancellationToken);

    public Task<IReadOnlyList<InstanceProcess>> ListProcessesAsync(string instanceId, CancellationToken cancellationToken) =>
        _processes.ListAsync(instanceId, cancellationToken);

    public Task SignalProcessAsync(string instanceId, int processId, string signal, CancellationToken cancellationToken) =>
        _processes.SignalAsync(instanceId, processId, signal, cancellationToken);

    public Task ScaleAsync(string service, int replicas, CancellationToken cancellationToken) => _scaler.ScaleAsync(service, replicas, cancellationToken);

    public string ResolvePath(string instanceId, string path) => InstanceFiles.Resolve(ContainerFiles.Folder, path);

    public Task<byte[]?> ReadFileAsync(string instanceId, string path, long maxBytes, CancellationToken cancellationToken) =>
        _files.ReadAsync(instanceId, path, maxBytes, cancellationToken);

    // Not checked for claims: writing the original back is how a config-file fault is undone.
    public Task WriteFileAsync(string instanceId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        _files.WriteAsync(instanceId, path, content, cancellationToken);

    public Task<ExecResult> ExecAsync(string instanceId, ExecRequest request, CancellationToken cancellationToken) =>
        _exec.ExecAsync(instanceId, request, cancellationToken);

    public Task SignalAsync(string instanceId, string signal, CancellationToken cancellationToken) =>
        _signals.SignalAsync(instanceId, signal, cancellationToken);

    public async Task<string> ApplyAsync(string instanceId, NetworkShape shape, CancellationToken cancellationToken)
    {
        await EnsureUnclaimedAsync(cancellationToken).ConfigureAwait(false);
        return await _shaper.ApplyAsync(instanceId, shape, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> ReadAsync(string instanceId, string tag, CancellationToken cancellationToken) =>
        _shaper.ReadAsync(instanceId, tag, cancellationToken);

    public Task<string> RemoveAsync(string instanceId, string tag, CancellationToken cancellationToken) =>
        _shaper.RemoveAsync(instanceId, tag, cancellationToken);

    public Task<ResourceLimits> ReadLimitsAsync(string instanceId, CancellationToken cancellationToken) => _limiter.ReadAsync(instanceId, cancellationToken);

    // Not checked for claims: setting a limit is also how one is undone (the engine checked claims before the run).
    public Task SetCpuLimitAsync(string instanceId, double? cpus, CancellationToken cancellationToken) => _limiter.SetCpuAsync(instanceId, cpus, cancellationToken);

    public Task SetMemoryLimitAsync(string instanceId, long? bytes, CancellationToken cancellationToken) => _limiter.SetMemoryAsync(instanceId, bytes, cancellationToken);

    public Task<MountSpace> ReadMountAsync(string instanceId, string path, CancellationToken cancellationToken) =>
        _filler.ReadMountAsync(instanceId, path, cancellationToken);

    public async Task<long> FillAsync(string instanceId, string path, string tag, long bytes, CancellationToken cancellationToken)
    {
        await EnsureUnclaimedAsync(cancellationToken).ConfigureAwait(false);
        return await _filler.FillAsync(instanceId, path, tag, bytes, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> RemoveFillAsync(string instanceId, string path, string tag, CancellationToken cancellationToken) =>
        _filler.RemoveFillAsync(instanceId, path, tag, cancellationToken);

    public Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken) => _sweeper.SweepAsync(cancellationToken);

    // Once per driver, before its first kill, crash, stop, pause or restart: one container listing. Restoring calls
    // (start, unpause, recreate) never wait for it, so an undo is not refused because another environment file
    // appeared during the run.
    private Task EnsureUnclaimedAsync(CancellationToken cancellationToken)
    {
        var check = _claimsChecked ??= this.ThrowIfClaimedElsewhereAsync(CancellationToken.None);
        return check.IsFaulted ? ResetAndRethrowAsync(check) : check.WaitAsync(cancellationToken);
    }

    private async Task ResetAndRethrowAsync(Task failed)
    {
        _claimsChecked = null; // An unreachable engine is retried next time; a conflict is found again.
        await failed.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _probe.Dispose();
        _engine.Dispose();
        return ValueTask.CompletedTask;
    }

    // Resolving through the catalog first refuses containers outside the environment. skipWhen makes an
    // operation idempotent where the engine would answer 409 (unpause of a running container during a restore).
    private async Task OnContainerAsync(
        string operation,
        string instanceId,
        Func<global::Docker.DotNet.IDockerClient, string, CancellationToken, Task> call,
        CancellationToken cancellationToken,
        Func<ContainerState, bool>? skipWhen = null,
        bool disruptive = true)
    {
        if (disruptive)
        {
            await EnsureUnclaimedAsync(cancellationToken).ConfigureAwait(false);
        }

        var (container, _) = await _catalog.RequireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (skipWhen is not null && container.State is { } state && skipWhen(state))
        {
            return;
        }

        await _engine.CallAsync($"{operation} {instanceId}", (c, ct) => call(c, container.ID, ct), cancellationToken).ConfigureAwait(false);
    }
}
