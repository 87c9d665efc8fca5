using System.Runtime.InteropServices;

namespace DrillRunner.Traffic.Loop;

/// <summary>struct epoll_event as x86-64 lays it out: packed, 12 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EpollEvent
{
    public uint Events;
    public ulong Data;
}
