using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DrillRunner.Docker.DelayProxy;

/// <summary>
/// Where a connection redirected by iptables (<c>REDIRECT</c>) was going: <c>SO_ORIGINAL_DST</c> of the accepted
/// socket. Connecting there from inside the namespace goes over the loopback, which the redirect leaves alone.
/// </summary>
internal static class OriginalDestination
{
    private const int SolIp = 0;
    private const int SoOriginalDst = 80;

    public static IPEndPoint? Of(Socket accepted)
    {
        Span<byte> address = stackalloc byte[16];
        try
        {
            var length = accepted.GetRawSocketOption(SolIp, SoOriginalDst, address);
            if (length < 8 || BinaryPrimitives.ReadUInt16LittleEndian(address) != (ushort)AddressFamily.InterNetwork)
            {
                return null;
            }

            var port = BinaryPrimitives.ReadUInt16BigEndian(address[2..]);
            return new IPEndPoint(new IPAddress(address.Slice(4, 4)), port);
        }
        catch (SocketException)
        {
            return null; // not redirected: someone connected to the proxy's port directly
        }
    }
}
