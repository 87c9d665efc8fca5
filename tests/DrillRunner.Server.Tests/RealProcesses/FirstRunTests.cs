using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Security;
using DrillRunner.Server.Tests.Harness;
using DrillRunner.Testing;

namespace DrillRunner.Server.Tests.RealProcesses;

/// <summary>
/// The first start of a real <c>drill serve</c> with no API key configured, and <c>drill apikey new|remove</c> against
/// the running server, as a user does it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class FirstRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_first_start_creates_an_admin_key_prints_it_once_and_keeps_only_its_hash()
    {
        var drills = Path.Combine(_folder.Path, "drills");
        _folder.Write("drills/environments/fake-shop.yaml", TestDrills.Environment);
        var state = Path.Combine(_folder.Path, "state");
        string key;
        using (var serve = await ServeProcess.StartAsync(_folder.Path, drills, state, withKey: false))
        {
            var output = await serve.WaitForOutputAsync("More keys:", TimeSpan.FromSeconds(30));
            key = PrintedKey().Match(output).Value;
            Assert.StartsWith(ApiKeyGenerator.Prefix, key, StringComparison.Ordinal);
            Assert.Contains($"Sign in to the dashboard at {serve.Address}", output, StringComparison.Ordinal);

            using var admin = Client(serve.Address, key);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
            using var anonymous = Client(serve.Address, null);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/drills", UriKind.Relative))).StatusCode);

            var file = Path.Combine(state, ApiKeyStore.FileName);
            var stored = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
            Assert.Contains(ApiKeyHash.Compute(key), stored, StringComparison.Ordinal);
            Assert.Equal(OwnerOnly.File, File.GetUnixFileMode(file));
            Assert.Equal(OwnerOnly.Folder, File.GetUnixFileMode(Path.Combine(state, "keys")));
            Assert.All(Directory.GetFiles(Path.Combine(state, "keys")), f => Assert.False(File.GetUnixFileMode(f).HasFlag(UnixFileMode.OtherRead), f));

            // A random operator key made from another terminal works at once, and stops at once when removed.
            var (code, created) = await DrillAsync(_folder.Path, "apikey", "new", "--role", "operator", "bob", "--state-dir", state);
            Assert.True(code == 0, created);
            var bobKey = PrintedKey().Match(created).Value;
            Assert.NotEqual(key, bobKey);
            using (var bob = Client(serve.Address, bobKey))
            {
                Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync(new Uri("/api/drills", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
                var (listCode, list) = await DrillAsync(_folder.Path, "apikey", "list", "--state-dir", state);
                Assert.True(listCode == 0 && list.Contains("bob", StringComparison.Ordinal) && list.Contains("operator", StringComparison.Ordinal), list);
                Assert.DoesNotContain(bobKey, list, StringComparison.Ordinal);

                var (removeCode, removed) = await DrillAsync(_folder.Path, "apikey", "remove", "bob", "--state-dir", state);
                Assert.True(removeCode == 0, removed);
                Assert.Equal(HttpStatusCode.Unauthorized, (await bob.GetAsync(new Uri("/api/drills", UriKind.Relative))).StatusCode);
            }

            var (again, duplicate) = await DrillAsync(_folder.Path, "apikey", "new", "admin", "--state-dir", state);
            Assert.Equal(2, again);
            Assert.Contains("already exists", duplicate, StringComparison.Ordinal);
        }

        // The next start finds the key: nothing new is created or printed, and the first key still works.
        using (var restarted = await ServeProcess.StartAsync(_folder.Path, drills, state, withKey: false))
        {
            using var admin = Client(restarted.Address, key);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
            var audit = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/audit", UriKind.Relative))).RootElement;
            Assert.DoesNotContain(ApiKeyGenerator.Prefix, restarted.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("No API key was configured", restarted.Output, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, audit.ValueKind);
        }
    }

    [GeneratedRegex(@"drk_[A-Za-z0-9_-]{43}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PrintedKey();

    private static HttpClient Client(Uri address, string? key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        }

        return client;
    }

    private static async Task<(int Code, string Output)> DrillAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drill.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
