namespace DrillRunner.Dashboard;

/// <summary>The API-key sign-in form; it posts to the existing <c>POST /signin</c>, which redirects back.</summary>
internal static class SignInPage
{
    public static string Body(string? returnUrl)
    {
        var back = returnUrl is { } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/";
        return $"""
            <h1>DrillRunner</h1>
            <p>Sign in with your API key.</p>
            <p id="message" class="error" role="status"></p>
            <form method="post" action="/signin" id="signin-form">
              <input type="hidden" name="returnUrl" value="{PageLayout.Encode(back)}">
              <label>API key <input type="password" name="key" id="key" autocomplete="current-password" required></label>
              <button type="submit" id="signin">Sign in</button>
            </form>
            """;
    }
}
