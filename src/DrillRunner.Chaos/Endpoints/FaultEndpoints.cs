using DrillRunner.Chaos.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Chaos.Endpoints;

/// <summary><c>/_chaos/faults/{name}</c>: switch a fault on, renew its lease, switch it off.</summary>
internal static class FaultEndpoints
{
    public static void MapFaults(this RouteGroupBuilder group)
    {
        group.MapPut("/faults/{name}", PutAsync);
        group.MapDelete("/faults/{name}", (string name, FaultRegistry registry) =>
            registry.Remove(name) ? Results.NoContent() : Results.NotFound());
        group.MapPost("/faults/{name}/renew", RenewAsync);
    }

    private static async Task<IResult> PutAsync(string name, HttpRequest request, FaultRegistry registry, TimeProvider timeProvider)
    {
        var (body, error) = await JsonBody.ReadAsync<FaultRequest>(request);
        if (body is null)
        {
            return error!;
        }

        if (FaultRequestValidator.Validate(name, body, timeProvider.GetUtcNow(), out var fault) is { } message)
        {
            return JsonBody.BadRequest(message);
        }

        registry.Set(fault!);
        return Results.Ok(FaultView.From(fault!));
    }

    private static async Task<IResult> RenewAsync(string name, HttpRequest request, FaultRegistry registry)
    {
        var (body, error) = await JsonBody.ReadAsync<LeaseRequest>(request);
        if (body is null)
        {
            return error!;
        }

        if (Lease.Validate(body.LeaseSeconds, out var lease) is { } message)
        {
            return JsonBody.BadRequest(message);
        }

        if (!registry.Renew(name, lease))
        {
            return Results.NotFound($"fault '{name}' is not active (never set, deleted or lease expired).");
        }

        return Results.Ok(FaultView.From(registry.Snapshot().First(f => f.Name == name)));
    }
}
