using DrillRunner.Chaos.Faults;
using DrillRunner.Chaos.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillRunner.Chaos.Endpoints;

/// <summary><c>/_chaos/settings</c>: override live-changeable settings under a lease, and restore them.</summary>
internal static class SettingsEndpoints
{
    public static void MapSettings(this RouteGroupBuilder group)
    {
        group.MapPut("/settings", PutAsync);
        group.MapPost("/settings/renew", RenewAsync);
        group.MapDelete("/settings", (SettingsOverrides overrides) =>
        {
            overrides.Restore();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> PutAsync(HttpRequest request, SettingsOverrides overrides)
    {
        var (body, error) = await JsonBody.ReadAsync<SettingsRequest>(request);
        if (body is null)
        {
            return error!;
        }

        if (body.Settings is not { Count: > 0 } settings)
        {
            return JsonBody.BadRequest("settings must name at least one setting.");
        }

        if (Lease.Validate(body.LeaseSeconds, out var lease) is { } leaseError)
        {
            return JsonBody.BadRequest(leaseError);
        }

        return overrides.Apply(settings, lease) is { } message
            ? JsonBody.BadRequest(message)
            : Results.Ok(overrides.Snapshot());
    }

    private static async Task<IResult> RenewAsync(HttpRequest request, SettingsOverrides overrides)
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

        return overrides.Renew(lease)
            ? Results.Ok(overrides.Snapshot())
            : Results.NotFound("no settings override is active (never set, restored or lease expired).");
    }
}
