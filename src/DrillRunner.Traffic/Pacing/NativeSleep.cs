using System.Runtime.InteropServices;

namespace DrillRunner.Traffic.Pacing;

/// <summary>
/// nanosleep(2): wakes within tens of microseconds, where .NET timers round to milliseconds. Only the pacer's own
/// thread calls it, and only on the real clock.
/// </summary>
internal static partial class NativeSleep
{
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    public static void For(TimeSpan span)
    {
        var spec = new Timespec { Seconds = span.Ticks / TimeSpan.TicksPerSecond, Nanoseconds = span.Ticks % TimeSpan.TicksPerSecond * 100 };
        _ = Sleep(in spec, IntPtr.Zero);
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int Sleep(in Timespec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
