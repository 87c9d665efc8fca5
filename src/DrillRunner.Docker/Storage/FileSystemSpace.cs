using System.Runtime.InteropServices;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Storage;

/// <summary>Size and free space of the filesystem holding a path (<c>statvfs</c>), as any program on it sees them.</summary>
internal static partial class FileSystemSpace
{
    public static (long Total, long Free) Of(string path)
    {
        if (StatVfs(path, out var stat) != 0)
        {
            throw new DriverException($"statvfs {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }

        var unit = (long)(stat.FragmentSize == 0 ? stat.BlockSize : stat.FragmentSize);
        return ((long)stat.Blocks * unit, (long)stat.AvailableBlocks * unit);
    }

    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatVfs(string path, out StatVfsBuffer buffer);

    // struct statvfs of glibc on 64-bit Linux: eleven unsigned longs, then six ints of padding.
    [StructLayout(LayoutKind.Sequential)]
    private struct StatVfsBuffer
    {
        public ulong BlockSize;
        public ulong FragmentSize;
        public ulong Blocks;
        public ulong FreeBlocks;
        public ulong AvailableBlocks;
        public ulong Files;
        public ulong FreeFiles;
        public ulong AvailableFiles;
        public ulong FileSystemId;
        public ulong Flags;
        public ulong MaxNameLength;
        public long Spare0;
        public long Spare1;
        public long Spare2;
    }
}
