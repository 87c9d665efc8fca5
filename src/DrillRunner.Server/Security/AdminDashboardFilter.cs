using Hangfire.Dashboard;

namespace DrillRunner.Security;

/// <summary>The Hangfire dashboard is for admins only, through the same API key or cookie as the API.</summary>
internal sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
