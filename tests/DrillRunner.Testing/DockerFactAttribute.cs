using System.Net.Sockets;
using Xunit;

namespace DrillRunner.Testing;

/// <summary>
/// A fact that needs the local Docker engine. Without one it is skipped with the reason, except under
/// <c>CI=true</c>, where it runs and fails: CI must not pass by skipping.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public const string SocketPath = "/var/run/docker.sock";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public DockerFactAttribute()
    {
        if (IsSkipped)
        {
            Skip = SkipReason;
        }
    }

    public static string SkipReason => $"No Docker engine: {Unavailable.Value} (set CI=true to make this a failure).";

    public static bool IsSkipped =>
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && Unavailable.Value is not null;

    private static string? Probe()
    {
        if (!File.Exists(SocketPath))
        {
            return $"{SocketPath} does not exist";
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
            return null;
        }
        catch (SocketException e)
        {
            return $"{SocketPath} does not answer ({e.SocketErrorCode})";
        }
    }
}
