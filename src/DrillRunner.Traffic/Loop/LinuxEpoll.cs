using System.Runtime.InteropServices;

namespace DrillRunner.Traffic.Loop;

/// <summary>
/// epoll(7), send(2) and recv(2) through libc, for <see cref="EventLoopRun"/>. Linux x86-64 only (its
/// <c>epoll_event</c> is packed); <see cref="IsSupported"/> says whether this machine has all of it.
/// </summary>
internal static partial class LinuxEpoll
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;
    public const int Again = 11;
    public const int Interrupted = 4;

    private const int CtlAdd = 1;
    private const int CtlDelete = 2;
    private const int CtlModify = 3;
    private const int CloseOnExec = 0x80000;
    private const int NoSignal = 0x4000;

    private static readonly Lazy<bool> Supported = new(Probe);

    public static bool IsSupported => Supported.Value;

    public static int Create() => Check(EpollCreate1(CloseOnExec), "epoll_create1");

    public static void Add(int epoll, int fd, uint events, ulong data) => Control(epoll, CtlAdd, fd, events, data);

    public static void Modify(int epoll, int fd, uint events, ulong data) => Control(epoll, CtlModify, fd, events, data);

    public static void Remove(int epoll, int fd) => Control(epoll, CtlDelete, fd, 0, 0);

    /// <summary>Waits up to <paramref name="timeout"/> (nanosecond precision); returns how many events were filled.</summary>
    public static int Wait(int epoll, EpollEvent[] events, TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        var spec = new Timespec { Seconds = ticks / TimeSpan.TicksPerSecond, Nanoseconds = ticks % TimeSpan.TicksPerSecond * 100 };
        var count = EpollPwait2(epoll, events, events.Length, in spec, IntPtr.Zero);
        return count >= 0 || Marshal.GetLastPInvokeError() == Interrupted ? Math.Max(count, 0) : Check(count, "epoll_pwait2");
    }

    /// <summary>Bytes sent, or -errno.</summary>
    public static int Send(int fd, ReadOnlySpan<byte> data)
    {
        var sent = SendNative(fd, data, data.Length, NoSignal);
        return sent >= 0 ? (int)sent : -Marshal.GetLastPInvokeError();
    }

    /// <summary>Bytes read (0 at end of stream), or -errno.</summary>
    public static int Receive(int fd, Span<byte> into)
    {
        var read = ReceiveNative(fd, into, into.Length, 0);
        return read >= 0 ? (int)read : -Marshal.GetLastPInvokeError();
    }

    public static void Close(int fd) => _ = CloseNative(fd);

    private static void Control(int epoll, int op, int fd, uint events, ulong data)
    {
        var item = new EpollEvent { Events = events, Data = data };
        Check(EpollCtl(epoll, op, fd, ref item), "epoll_ctl");
    }

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new IOException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return false;
        }

        try
        {
            var epoll = Create();
            try
            {
                Wait(epoll, new EpollEvent[1], TimeSpan.Zero);
                return true;
            }
            finally
            {
                Close(epoll);
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or IOException)
        {
            return false; // No epoll_pwait2 (glibc < 2.35 or kernel < 5.11): the socket engine is used.
        }
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int op, int fd, ref EpollEvent item);

    [LibraryImport("libc", EntryPoint = "epoll_pwait2", SetLastError = true)]
    private static partial int EpollPwait2(int epoll, [Out] EpollEvent[] events, int maxEvents, in Timespec timeout, IntPtr signalMask);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint SendNative(int fd, ReadOnlySpan<byte> data, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint ReceiveNative(int fd, Span<byte> into, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
