using System.Net;
using System.Security.Authentication;
using Docker.DotNet;
using DrillRunner.Drivers;
using DrillRunner.Model;
using Polly;

namespace DrillRunner.Docker.Engine;

/// <summary>
/// A client, its endpoint and the resilience pipeline: every API call goes through <see cref="CallAsync{T}"/>,
/// which turns engine and transport failures into <see cref="DriverException"/>s naming the endpoint.
/// </summary>
internal sealed class DockerEngine : IDisposable
{
    private const string ConnectOperation = "connect";

    private readonly DockerClient _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly DockerDriverOptions _options;
    private volatile bool _reached;

    public DockerEngine(DockerEndpointSpec spec, DockerDriverOptions options, TimeProvider timeProvider)
    {
        Endpoint = spec.Endpoint;
        IsLocal = spec.Endpoint.StartsWith("unix://", StringComparison.Ordinal);
        _options = options;
        _client = DockerClientFactory.Create(spec);
        _pipeline = DockerResilience.Build(options, timeProvider);
    }

    public string Endpoint { get; }

    /// <summary>The engine runs on this host, so its process ids are ours to signal.</summary>
    public bool IsLocal { get; }

    /// <summary>One quick round trip with the connect timeout and no retries.</summary>
    public async Task<string> PingAsync(CancellationToken cancellationToken)
    {
        var version = await CallAsync(
            ConnectOperation, static (c, ct) => c.System.GetVersionAsync(ct), cancellationToken, _options.ConnectTimeout, retry: false)
            .ConfigureAwait(false);
        _reached = true;
        return $"Docker engine {version.Version} (API {version.APIVersion}) at {Endpoint}";
    }

    public Task CallAsync(
        string operation, Func<IDockerClient, CancellationToken, Task> call, CancellationToken cancellationToken, TimeSpan? timeout = null, bool retry = true) =>
        CallAsync<bool>(
            operation,
            async (c, ct) =>
            {
                await call(c, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken,
            timeout,
            retry);

    public async Task<T> CallAsync<T>(
        string operation, Func<IDockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null, bool retry = true)
    {
        if (!_reached && operation != ConnectOperation)
        {
            // A dead or black-holed engine must fail within the connect timeout, not after a full call timeout.
            await PingAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(DockerResilience.Timeout, timeout ?? _options.CallTimeout);
            context.Properties.Set(DockerResilience.NoRetry, !retry);
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<T>(state.call(state.client, ctx.CancellationToken)),
                context,
                (call, client: (IDockerClient)_client)).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new DriverException(
                $"Docker engine at {Endpoint}: {operation} failed ({(int)e.StatusCode} {e.StatusCode}): {e.ResponseBody.Trim()}", e);
        }
        catch (Exception e) when (TlsRefusal(e) is { } refusal)
        {
            throw new DriverException($"Docker engine at {Endpoint}: TLS refused ({operation}): {refusal.Message}", e);
        }
        catch (Exception e) when (DockerResilience.IsUnreachable(e) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DriverException($"Docker engine at {Endpoint} is unreachable ({operation}): {Describe(e)}. Is the engine running and the endpoint right?", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs a call where "not found" is an answer, not an error.</summary>
    public Task<T?> CallOrDefaultOnNotFoundAsync<T>(
        string operation, Func<IDockerClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class =>
        CallAsync<T?>(
            operation,
            async (c, ct) =>
            {
                try
                {
                    return await call(c, ct).ConfigureAwait(false);
                }
                catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
            },
            cancellationToken);

    public void Dispose() => _client.Dispose();

    private static AuthenticationException? TlsRefusal(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException refusal)
            {
                return refusal.InnerException as AuthenticationException ?? refusal;
            }
        }

        return null;
    }

    private static string Describe(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost == e ? e.Message : $"{e.Message} ({innermost.Message})";
    }
}
