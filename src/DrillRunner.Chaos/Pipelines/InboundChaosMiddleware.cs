using DrillRunner.Chaos.Faults;
using Microsoft.AspNetCore.Http;
using Polly;

namespace DrillRunner.Chaos.Pipelines;

/// <summary>Runs each inbound request through the chaos pipeline when a fault applies to its path.</summary>
internal sealed class InboundChaosMiddleware(RequestDelegate next, FaultRegistry registry, ChaosPipelineFactory factory)
{
    private readonly ResiliencePipeline<ActiveFault?> _pipeline = factory.Build<ActiveFault?>(
        static (fault, _) => fault,
        static fault => new ChaosInjectedException(fault.Name, fault.StatusCode));

    public async Task InvokeAsync(HttpContext http)
    {
        // The control endpoint is never faulted, so a runner can always switch a fault off.
        var path = http.Request.Path.Value ?? "/";
        if (http.Request.Path.StartsWithSegments(ChaosConstants.RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        var selection = registry.Select(path, dependency: null);
        if (selection.IsEmpty)
        {
            await next(http);
            return;
        }

        var context = ResilienceContextPool.Shared.Get(http.RequestAborted);
        context.Properties.Set(ChaosContext.Selection, selection);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (_, state) =>
                {
                    await state.next(state.http);
                    return Outcome.FromResult<ActiveFault?>(null);
                },
                context,
                (next, http));
            if (outcome.Exception is ChaosInjectedException injected)
            {
                await WriteInjectedAsync(http, injected.FaultName, injected.StatusCode);
            }
            else if (outcome.Exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
            {
                // The client left during an injected delay: nothing to answer.
            }
            else if (outcome.Exception is { } exception)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
            }
            else if (outcome.Result is { } fault)
            {
                await WriteInjectedAsync(http, fault.Name, fault.StatusCode);
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static Task WriteInjectedAsync(HttpContext http, string faultName, int statusCode)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return Task.CompletedTask;
        }

        http.Response.StatusCode = statusCode;
        http.Response.Headers["X-Chaos-Fault"] = faultName;
        return http.Response.WriteAsync($"chaos fault '{faultName}' injected", http.RequestAborted);
    }
}
