using System.Collections.Concurrent;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;

namespace DrillRunner.Testing.Fakes;

/// <summary>
/// A <see cref="FakeDriver"/> whose instances also have files, run commands and take signals, in memory: for engine
/// tests of config-file faults. Commands answer through <see cref="OnExec"/> (default: exit 0); every write, exec and
/// signal is logged in <see cref="Calls"/>. Real servers are tested with nginx and haproxy on the real drivers.
/// </summary>
public sealed class FakeServerDriver(FakeDriver inner) : IEnvironmentDriver, IFileAccess, IInstanceExec, IInstanceSignals
{
    public const string Folder = "/srv/files";

    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();

    public FakeDriver Inner => inner;

    public string Name => inner.Name;

    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Answers each command (instance, request); null or unset: exit 0.</summary>
    public Func<string, ExecRequest, ExecResult?>? OnExec { get; set; }

    /// <summary>Called with "operation instance path" before a write, e.g. to look at the journal at that moment.</summary>
    public Action<string>? BeforeWrite { get; set; }

    public void SetFile(string instanceId, string path, byte[] content) => _files[Key(instanceId, ResolvePath(instanceId, path))] = content;

    public byte[]? File(string instanceId, string path) => _files.GetValueOrDefault(Key(instanceId, ResolvePath(instanceId, path)));

    public object? FindCapability(Type capability) =>
        capability is not null && capability.IsInstanceOfType(this) && capability != typeof(IEnvironmentDriver) ? this : ((IEnvironmentDriver)inner).FindCapability(capability!);

    public Task<DriverAvailability> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    public Task UpAsync(IProgress<string> progress, CancellationToken cancellationToken) => inner.UpAsync(progress, cancellationToken);

    public Task DownAsync(IProgress<string> progress, CancellationToken cancellationToken) => inner.DownAsync(progress, cancellationToken);

    public Task<IReadOnlyList<InstanceInfo>> ListInstancesAsync(string service, CancellationToken cancellationToken) => inner.ListInstancesAsync(service, cancellationToken);

    public Task<InstanceInfo> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public string ResolvePath(string instanceId, string path) => InstanceFiles.Resolve(Folder, path);

    public Task<byte[]?> ReadFileAsync(string instanceId, string path, long maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryGetValue(Key(instanceId, path), out var content) ? content.ToArray() : null);

    public Task WriteFileAsync(string instanceId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        BeforeWrite?.Invoke($"write {instanceId} {path}");
        _calls.Enqueue($"write {instanceId} {path}");
        _files[Key(instanceId, path)] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<ExecResult> ExecAsync(string instanceId, ExecRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Enqueue($"exec {instanceId} {request.Display}");
        return Task.FromResult(OnExec?.Invoke(instanceId, request) ?? new ExecResult(0, "", "", TimeSpan.Zero));
    }

    public Task SignalAsync(string instanceId, string signal, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"signal {instanceId} {signal}");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static string Key(string instanceId, string path) => $"{instanceId}\n{path}";
}
