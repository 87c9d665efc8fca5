namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// Filling a size-limited mount of an instance (a tmpfs, a volume of its own) with a file DrillRunner names after a
/// tag, and deleting exactly that file. Storage shared with the host (the container's own filesystem, bind mounts of
/// host folders) is never filled.
/// </summary>
[Capability("filling an instance's size-limited mounts (tmpfs, volumes of its own)")]
public interface IMountFilling : IDriverCapability
{
    /// <summary>The mount holding <paramref name="path"/> as the instance sees it, with why it may not be filled.</summary>
    Task<MountSpace> ReadMountAsync(string instanceId, string path, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="bytes"/> into the tag's file at the mount's root; returns the bytes written.</summary>
    Task<long> FillAsync(string instanceId, string path, string tag, long bytes, CancellationToken cancellationToken);

    /// <summary>Deletes the tag's file; false when it was not there (idempotent).</summary>
    Task<bool> RemoveFillAsync(string instanceId, string path, string tag, CancellationToken cancellationToken);
}

/// <summary>
/// A mount as the instance sees it. <see cref="WhyNotFillable"/> says why DrillRunner refuses to fill it (e.g. it is
/// the host's disk), null when it may. <see cref="FillBytes"/> counts the bytes in DrillRunner's files on it.
/// </summary>
public sealed record MountSpace(string MountPoint, string Filesystem, long TotalBytes, long FreeBytes, long FillBytes, string? WhyNotFillable)
{
    public double UsedFraction => TotalBytes <= 0 ? 0 : (TotalBytes - FreeBytes) / (double)TotalBytes;
}
