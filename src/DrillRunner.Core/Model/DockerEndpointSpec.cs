namespace DrillRunner.Model;

/// <summary>How to reach an environment's Docker engine.</summary>
public sealed class DockerEndpointSpec
{
    public string Endpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>Folder with <c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c> for a <c>tcp://</c> endpoint with TLS.</summary>
    public string? TlsCertPath { get; init; }

    /// <summary>Network mode for containers created by <c>env up</c>; <c>host</c> keeps everything on 127.0.0.1.</summary>
    public string Network { get; init; } = "host";
}
