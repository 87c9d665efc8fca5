using DrillRunner.Loading;

namespace DrillRunner.Model;

/// <summary>How to reach an environment's Docker engine.</summary>
public sealed class DockerEndpointSpec
{
    public string Endpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>
    /// Folder with <c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c> for a <c>tcp://</c> endpoint with TLS (like
    /// <c>DOCKER_CERT_PATH</c>); relative to the environment file. The engine's certificate must chain to
    /// <c>ca.pem</c> and name the endpoint's host.
    /// </summary>
    public string? TlsCertPath { get; init; }

    /// <summary>Allows a <c>tcp://</c> endpoint without TLS (anyone on the network could drive the engine).</summary>
    public bool Insecure { get; init; }

    /// <summary>Network mode for containers created by <c>env up</c>; <c>host</c> keeps everything on 127.0.0.1.</summary>
    public string Network { get; init; } = "host";

    /// <summary>Where <c>docker:</c> is in the environment file.</summary>
    public SourceLocation Location { get; set; } = SourceLocation.None;

    /// <summary>True for an engine reached over the network (<c>tcp://</c>, <c>http://</c>, <c>https://</c>).</summary>
    public bool IsRemote =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "tcp" or "http" or "https";

    /// <summary>
    /// The host address ports are published on: 127.0.0.1 for a local engine, the engine's address for a remote one
    /// given by IP, all of the engine host's addresses for one given by name.
    /// </summary>
    public string PublishAddress =>
        !IsRemote ? "127.0.0.1" : System.Net.IPAddress.TryParse(InstanceHost.Trim('[', ']'), out _) ? InstanceHost.Trim('[', ']') : string.Empty;

    /// <summary>The host instances' published ports are reached on: the engine's host for a remote engine.</summary>
    public string InstanceHost =>
        IsRemote && Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) ? uri.Host : "127.0.0.1";
}
