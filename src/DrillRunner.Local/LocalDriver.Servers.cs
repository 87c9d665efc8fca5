using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Local.Shared;
using DrillRunner.Model;

namespace DrillRunner.Local;

/// <summary>
/// What config-file faults need of a local instance: its files (host files; relative paths under the instance's files
/// folder), commands run beside it (its settings, its working directory), and signals to its main process that its
/// supervisor does not see (a reload is not a kill: the restart policy stays).
/// </summary>
internal sealed partial class LocalDriver : IFileAccess, IInstanceExec, IInstanceSignals
{
    /// <summary>
    /// Where an instance's rendered config files live: <c>{state root}/files/{environment}/{instance}</c>, beside the
    /// environment's owner-only state folder rather than in it, so a server that drops privileges (nginx's workers run
    /// as <c>nobody</c> when started by root) can read them.
    /// </summary>
    internal string FilesFolder(string instanceId) => Path.Combine(Path.GetFullPath(_options.StateRoot), "files", _environment.Name, instanceId);

    public string ResolvePath(string instanceId, string path) => InstanceFiles.Resolve(FilesFolder(instanceId), path);

    public async Task<byte[]?> ReadFileAsync(string instanceId, string path, long maxBytes, CancellationToken cancellationToken)
    {
        RequireRecord(instanceId);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        return info.Length > maxBytes
            ? throw new DriverException($"{path} of {instanceId} is {info.Length} bytes, more than the {maxBytes} a config file may have")
            : await File.ReadAllBytesAsync(path, cancellationToken);
    }

    public async Task WriteFileAsync(string instanceId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        RequireRecord(instanceId);
        await ConfigFileWriter.WriteAsync(path, content, cancellationToken);
    }

    public async Task<ExecResult> ExecAsync(string instanceId, ExecRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var info = ExecStartInfo.Create(RequireRecord(instanceId).Launch, request);
        return await LocalCommand.RunAsync(instanceId, info, request, _timeProvider, cancellationToken);
    }

    public Task SignalAsync(string instanceId, string signal, CancellationToken cancellationToken)
    {
        var number = SignalNames.Parse(signal) ?? throw new DriverException($"unknown signal '{signal}' for {instanceId}");
        var record = RequireRecord(instanceId);
        if (ProcStat.ReadAlive(record.Pid, record.PidStartTicks) is null || !PosixSignals.Send(record.Pid!.Value, number))
        {
            throw new DriverException($"instance '{instanceId}' has no running process to send {signal} to");
        }

        return Task.CompletedTask;
    }

    private InstanceRecord RequireRecord(string instanceId) =>
        Records().FirstOrDefault(r => r.Launch.Id == instanceId)
        ?? throw new DriverException($"no instance '{instanceId}' in environment '{_environment.Name}'");
}
