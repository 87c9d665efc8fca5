using System.Globalization;
using System.Net;

namespace DrillRunner.Docker.Namespaces;

/// <summary>
/// Reads a process's network namespace from <c>/proc/PID/net</c> on the host (no tool, no nsenter): its interfaces and
/// its listening TCP sockets.
/// </summary>
internal static class ProcNet
{
    private const string Listen = "0A";

    public static IReadOnlyList<string> Interfaces(int pid)
    {
        var lines = ReadLines($"/proc/{Id(pid)}/net/dev");
        return [.. lines.Skip(2).Select(l => l.Split(':', 2)[0].Trim()).Where(n => n.Length > 0 && n != "lo")];
    }

    public static IReadOnlyList<(IPAddress Address, int Port)> Listening(int pid)
    {
        var result = new List<(IPAddress, int)>();
        foreach (var file in new[] { "tcp", "tcp6" })
        {
            foreach (var line in ReadLines($"/proc/{Id(pid)}/net/{file}").Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 3 && columns[3] == Listen && Parse(columns[1]) is { } local)
                {
                    result.Add(local);
                }
            }
        }

        return result;
    }

    private static (IPAddress, int)? Parse(string hexEndpoint)
    {
        var parts = hexEndpoint.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var bytes = Convert.FromHexString(parts[0]);
        // The kernel prints each 32-bit word in host order (little-endian here).
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        return (new IPAddress(bytes), port);
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Id(int pid) => pid.ToString(CultureInfo.InvariantCulture);
}
