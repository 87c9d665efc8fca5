using System.Globalization;

namespace DrillRunner.Docker.Storage;

/// <summary>
/// One line of <c>/proc/PID/mountinfo</c>: where a filesystem is mounted as the process sees it, its type and source.
/// Mount points with spaces are octal-escaped by the kernel (<c>\040</c>).
/// </summary>
internal sealed record MountInfo(string MountPoint, string Root, string Filesystem, string Source)
{
    public static IReadOnlyList<MountInfo> Of(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/mountinfo");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var result = new List<MountInfo>();
        foreach (var line in lines)
        {
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || separator < 6 || separator + 2 >= fields.Length)
            {
                continue;
            }

            result.Add(new MountInfo(Unescape(fields[4]), Unescape(fields[3]), fields[separator + 1], fields[separator + 2]));
        }

        return result;
    }

    /// <summary>The mount holding <paramref name="path"/> (the last, longest mount point that contains it).</summary>
    public static MountInfo? Holding(IReadOnlyList<MountInfo> mounts, string path) =>
        mounts.Where(m => Contains(m.MountPoint, path)).OrderBy(m => m.MountPoint.Length).LastOrDefault();

    /// <summary>Why DrillRunner may not fill this mount, or null: a tmpfs, or a filesystem on a loop device of its own.</summary>
    public string? WhyNotFillable() => Filesystem switch
    {
        "tmpfs" => null,
        "overlay" => $"{MountPoint} is on the container's own filesystem (overlay on the host's disk); give the service a tmpfs mount (services.NAME.tmpfs)",
        _ when Source.StartsWith("/dev/loop", StringComparison.Ordinal) => null,
        _ => $"{MountPoint} is {Filesystem} from {Source}, storage shared with the host (a bind mount or volume on the host's disk); DrillRunner fills only tmpfs mounts and filesystems of their own",
    };

    private static bool Contains(string mountPoint, string path) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
}
