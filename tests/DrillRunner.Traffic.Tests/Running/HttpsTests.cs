using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class HttpsTests
{
    [Fact]
    public async Task Self_signed_certificate_is_rejected_unless_the_plan_is_insecure()
    {
        using var certificate = SelfSigned();
        await using var server = await TestServer.StartAsync(c => c.Response.WriteAsync("secure"), certificate);
        var target = new Uri($"https://127.0.0.1:{server.BaseUri.Port}/");

        var strict = await LoadGenerator.RunAsync(Plan(target, insecure: false), null, TimeProvider.System, CancellationToken.None);
        var insecure = await LoadGenerator.RunAsync(Plan(target, insecure: true), null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(20, strict.Total.Failed.ConnectError);
        Assert.Equal(0, strict.Total.Ok);
        Assert.Equal(20, insecure.Total.Ok);
        Assert.Equal(20, server.Requests);
    }

    private static LoadPlan Plan(Uri target, bool insecure) => new()
    {
        Target = target,
        AllowedHosts = ["127.0.0.1"],
        Connections = 2,
        MaxRequests = 20,
        Insecure = insecure,
    };

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.FromUnixTimeSeconds(4_000_000_000));
        // Kestrel needs the key in a form SslStream can use on every platform: round-trip through PFX.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
