using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DrillRunner.Testing;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// A copy of the drills and the demo-shop-ha and demo-shop-dr environments with their 183xx and 184xx ports moved to a free block of 100, a
/// unique environment name (so leftovers are told apart), and the DemoShop build next to the tests.
/// </summary>
internal sealed partial class HaWorkspace : IDisposable
{
    private readonly TempFolder _folder = new();

    public HaWorkspace()
    {
        Suffix = Guid.NewGuid().ToString("N")[..6];
        PortBlock = FindFreeBlock();
        var environments = System.IO.Path.Combine(DemoWorkspace.RepositoryRoot, "drills", "environments");
        foreach (var name in new[] { "demo-shop-ha", "demo-shop-ha-sync", "demo-shop-dr" })
        {
            var text = HaPort().Replace(File.ReadAllText(System.IO.Path.Combine(environments, name + ".yaml")), m => (PortBlock + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture))
                .Replace($"name: {name}\n", $"name: {name}-{Suffix}\n", StringComparison.Ordinal)
                .Replace("../../artifacts/bin/DemoShop/release/DemoShop.dll", System.IO.Path.Combine(AppContext.BaseDirectory, "DemoShop.dll"), StringComparison.Ordinal)
                .Replace("../../src/DemoShop", System.IO.Path.Combine(DemoWorkspace.RepositoryRoot, "src", "DemoShop"), StringComparison.Ordinal);
            _folder.Write($"drills/environments/{name}.yaml", text);
        }

        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(environments, "patroni")))
        {
            _folder.Write($"drills/environments/patroni/{System.IO.Path.GetFileName(file)}", File.ReadAllText(file));
        }

        foreach (var drill in Directory.EnumerateFiles(System.IO.Path.Combine(DemoWorkspace.RepositoryRoot, "drills"), "*.yaml").Where(d => System.IO.Path.GetFileName(d).StartsWith("db-", StringComparison.Ordinal) || System.IO.Path.GetFileName(d).StartsWith("restore-", StringComparison.Ordinal)))
        {
            _folder.Write(System.IO.Path.Combine("drills", System.IO.Path.GetFileName(drill)), File.ReadAllText(drill));
        }

        // Other users (postgres, etcd) must reach their data folders under the state folder.
        for (var folder = new DirectoryInfo(Path); folder is not null && folder.FullName != System.IO.Path.GetTempPath().TrimEnd('/'); folder = folder.Parent)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, File.GetUnixFileMode(folder.FullName) | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);
            }
        }
    }

    public string Path => _folder.Path;

    public string Suffix { get; }

    public int PortBlock { get; }

    public string StateDirectory => System.IO.Path.Combine(Path, ".drillrunner");

    /// <summary>The workspace's name of an environment, e.g. <c>demo-shop-ha-1a2b3c</c>.</summary>
    public string Environment(string name = "demo-shop-ha") => $"{name}-{Suffix}";

    /// <summary>Patroni's REST port of node <paramref name="index"/> (1-based).</summary>
    public int RestPort(int index) => PortBlock + 10 + index;

    public string Write(string relativePath, string text) => _folder.Write(relativePath, text);

    public void Dispose() => _folder.Dispose();

    private static int FindFreeBlock()
    {
        int[] used = [1, 2, 11, 12, 21, 22, 80, 81, 82, 83];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var block = Random.Shared.Next(200, 300) * 100;
            if (used.All(offset => IsFree(block + offset)))
            {
                return block;
            }
        }

        throw new InvalidOperationException("no free block of 100 ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\b18[34](\d\d)\b", RegexOptions.CultureInvariant, 100)]
    private static partial Regex HaPort();
}
