using DrillRunner.Chaos.Faults;
using Polly;

namespace DrillRunner.Chaos.Pipelines;

/// <summary>Applies the faults aimed at one named dependency to the calls of an <c>HttpClient</c>.</summary>
internal sealed class ChaosDelegatingHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("drill-chaos.request");
    private readonly string _dependency;
    private readonly FaultRegistry _registry;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ChaosDelegatingHandler(string dependency, FaultRegistry registry, ChaosPipelineFactory factory)
    {
        _dependency = dependency;
        _registry = registry;
        _pipeline = factory.Build(
            static (fault, context) => new HttpResponseMessage((System.Net.HttpStatusCode)fault.StatusCode)
            {
                RequestMessage = context.Properties.GetValue(RequestKey, null!),
                Content = new StringContent($"chaos fault '{fault.Name}' injected"),
            },
            // An error on a dependency looks like the dependency being unreachable.
            static fault => new HttpRequestException(
                HttpRequestError.ConnectionError,
                $"chaos fault '{fault.Name}' injected",
                new ChaosInjectedException(fault.Name, fault.StatusCode)));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var selection = _registry.Select(request.RequestUri?.AbsolutePath ?? "/", _dependency);
        if (selection.IsEmpty)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ChaosContext.Selection, selection);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Send(state.request, ctx.CancellationToken)),
                context,
                (Send: (Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>)base.SendAsync, request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
