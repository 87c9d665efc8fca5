using System.Diagnostics;
using Docker.DotNet;
using DrillRunner.Testing;
using DrillRunner.Testing.Drivers;

namespace DrillRunner.Docker.Tests.Remote;

/// <summary>
/// A second dockerd, child of the test run, with its own data, exec root, pid file and unix socket, and a TLS listener
/// on 127.0.0.1 that requires client certificates (<c>--tlsverify</c>). The shared engine is never touched beyond
/// <c>docker save</c> of an image the tests built. Disposing stops the daemon, unmounts and deletes its folders.
/// </summary>
public sealed class SecondDockerDaemon : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();
    private Process? _daemon;

    /// <summary>Short, so the unix socket path stays under the 108-byte limit.</summary>
    public string Root { get; } = Path.Combine("/tmp", "drtls-" + Guid.NewGuid().ToString("N")[..8]);

    public string CertFolder => Path.Combine(Root, "certs");

    public string Socket => Path.Combine(Root, "d.sock");

    public int Port { get; private set; }

    public string Endpoint => $"tcp://127.0.0.1:{Port}";

    /// <summary>The daemon's output, for failure messages.</summary>
    public string Log => string.Join('\n', _log.TakeLast(30));

    public async Task InitializeAsync()
    {
        if (DockerFactAttribute.IsSkipped)
        {
            return;
        }

        TestCertificates.Write(CertFolder, "drillrunner-test-ca");
        Port = FreePorts.FindRange(1);
        var start = new ProcessStartInfo("dockerd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--data-root", Path.Combine(Root, "data"), "--exec-root", Path.Combine(Root, "exec"),
            "--pidfile", Path.Combine(Root, "dockerd.pid"), "-H", $"unix://{Socket}", "-H", $"tcp://127.0.0.1:{Port}",
            "--tlsverify", "--tlscacert", Path.Combine(CertFolder, "ca.pem"),
            "--tlscert", Path.Combine(CertFolder, "server-cert.pem"), "--tlskey", Path.Combine(CertFolder, "server-key.pem"),
            "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip-masq=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _daemon = Process.Start(start) ?? throw new InvalidOperationException("dockerd did not start");
        _daemon.OutputDataReceived += (_, e) => Write(e.Data);
        _daemon.ErrorDataReceived += (_, e) => Write(e.Data);
        _daemon.BeginOutputReadLine();
        _daemon.BeginErrorReadLine();
        await WaitForSocketAsync();
    }

    /// <summary>Copies an image of the shared engine into this daemon (no registry): docker save | docker load.</summary>
    public async Task LoadImageAsync(string reference)
    {
        await _loading.WaitAsync();
        try
        {
            if (_loaded.Contains(reference))
            {
                return;
            }

            var copy = new ProcessStartInfo("bash") { RedirectStandardError = true };
            copy.ArgumentList.Add("-o");
            copy.ArgumentList.Add("pipefail");
            copy.ArgumentList.Add("-c");
            copy.ArgumentList.Add($"docker save '{reference}' | docker -H 'unix://{Socket}' load -q");
            using var process = Process.Start(copy)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"copying {reference} into the second daemon failed: {error}");
            }

            _loaded.Add(reference);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_daemon is { } daemon)
        {
            if (!daemon.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await daemon.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    daemon.Kill(entireProcessTree: true);
                    await daemon.WaitForExitAsync();
                }
            }

            daemon.Dispose();
        }

        Unmount();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        _loading.Dispose();
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    // dockerd bind-mounts its data root (and overlay layers) onto itself; a leftover mount would keep the folder busy.
    private void Unmount()
    {
        var mounts = File.ReadAllLines("/proc/self/mounts")
            .Select(l => l.Split(' ')[1])
            .Where(p => p.StartsWith(Root + "/", StringComparison.Ordinal))
            .OrderByDescending(p => p.Length);
        foreach (var mount in mounts)
        {
            using var umount = Process.Start("umount", ["-l", mount]);
            umount.WaitForExit();
        }
    }

    private async Task WaitForSocketAsync()
    {
        using var client = new DockerClientConfiguration(new Uri($"unix://{Socket}")).CreateClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_daemon!.HasExited)
            {
                throw new InvalidOperationException($"the second dockerd exited ({_daemon.ExitCode}): {Log}");
            }

            try
            {
                if (File.Exists(Socket))
                {
                    await client.System.PingAsync();
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                // not listening yet
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"the second dockerd did not answer on {Socket} within {StartTimeout}: {Log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }
}
