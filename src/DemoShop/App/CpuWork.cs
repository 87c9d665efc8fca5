using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DemoShop.App;

/// <summary>
/// CPU time a request burns (<c>Shop:CpuWorkMilliseconds</c>), counted on the thread's own CPU clock: on a throttled
/// CPU (a quota) the same work takes longer, as it would in production.
/// </summary>
internal static partial class CpuWork
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static void Burn(int milliseconds)
    {
        if (milliseconds <= 0)
        {
            return;
        }

        var until = ThreadCpuNanoseconds() + (milliseconds * 1_000_000L);
        Span<byte> block = stackalloc byte[64];
        Span<byte> hash = stackalloc byte[32];
        while (ThreadCpuNanoseconds() < until)
        {
            for (var i = 0; i < 64; i++)
            {
                SHA256.HashData(block, hash);
                hash.CopyTo(block);
            }
        }
    }

    private static long ThreadCpuNanoseconds() =>
        ClockGetTime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds : long.MaxValue;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
