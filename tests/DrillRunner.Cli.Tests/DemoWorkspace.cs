using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DrillRunner.Testing;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// A copy of the repository's drills and demo environment in a temp folder, moved to free ports and to the
/// DemoShop build next to the tests, so end-to-end runs never collide with other tests or a running demo.
/// </summary>
internal sealed class DemoWorkspace : IDisposable
{
    private readonly TempFolder _folder = new();

    public DemoWorkspace()
    {
        var basePort = FindFreePortRange(12);
        var environment = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot, "drills", "environments", "demo-shop.yaml"))
            .Replace("18080", Port(basePort), StringComparison.Ordinal)
            .Replace("18081-18090", $"{Port(basePort + 1)}-{Port(basePort + 10)}", StringComparison.Ordinal)
            .Replace("18081", Port(basePort + 1), StringComparison.Ordinal)
            .Replace("../../artifacts/bin/DemoShop/release/DemoShop.dll", System.IO.Path.Combine(AppContext.BaseDirectory, "DemoShop.dll"), StringComparison.Ordinal)
            .Replace("../../src/DemoShop", System.IO.Path.Combine(RepositoryRoot, "src", "DemoShop"), StringComparison.Ordinal);
        _folder.Write("drills/environments/demo-shop.yaml", environment);
        foreach (var drill in Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryRoot, "drills"), "*.yaml"))
        {
            _folder.Write(System.IO.Path.Combine("drills", System.IO.Path.GetFileName(drill)), File.ReadAllText(drill));
        }

        ShopPort = basePort;
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public string Path => _folder.Path;

    public int ShopPort { get; }

    public string StateDirectory => System.IO.Path.Combine(Path, ".drillrunner");

    public string Write(string relativePath, string text) => _folder.Write(relativePath, text);

    /// <summary>
    /// A copy of the demo environment under a name of its own (<c>demo-shop-XXXXXX</c>): on the shared Docker engine its
    /// containers, network and labels are no other test's (or demo's). Returns the name.
    /// </summary>
    public string WriteUniqueEnvironment()
    {
        var name = "demo-shop-" + Guid.NewGuid().ToString("N")[..6];
        var demo = File.ReadAllText(System.IO.Path.Combine(Path, "drills", "environments", "demo-shop.yaml"));
        Write($"drills/environments/{name}.yaml", demo.Replace("name: demo-shop", $"name: {name}", StringComparison.Ordinal));
        return name;
    }

    public void Dispose() => _folder.Dispose();

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "DrillRunner.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("DrillRunner.sln not found above the test folder");
    }

    private static int FindFreePortRange(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = Random.Shared.Next(20_000, 30_000);
            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports found");
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
}
