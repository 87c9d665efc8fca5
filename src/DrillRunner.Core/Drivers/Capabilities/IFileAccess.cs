namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Reading and writing files in an instance (a container's filesystem, a local process's host files), for faults that
/// change a server's configuration file. Paths are the instance's own: absolute ones as they are, relative ones under
/// the instance's files folder (<see cref="Model.InstanceFiles"/>), as <see cref="ResolvePath"/> says.
/// </summary>
[Capability("reading and writing files in instances (config-file faults)")]
public interface IFileAccess : IDriverCapability
{
    /// <summary>The absolute path <paramref name="path"/> names in the instance.</summary>
    string ResolvePath(string instanceId, string path);

    /// <summary>The file's bytes, or null when it does not exist. Refuses files over <paramref name="maxBytes"/>.</summary>
    Task<byte[]?> ReadFileAsync(string instanceId, string path, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the file's content (creating it when missing), keeping its mode and owner. A reader sees the old or
    /// the new content, never part of one.
    /// </summary>
    Task WriteFileAsync(string instanceId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
