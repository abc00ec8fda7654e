using System.Globalization;

namespace SeoulPolicyPortal.Web.Infrastructure;

public static class TooManyRequests
{
    /// <summary>
    /// Answers 429 with Retry-After in whole seconds, rounded up so that a client retrying on time is not refused again;
    /// returns those seconds, for the page's own message.
    /// </summary>
    public static int SetTooManyRequests(this HttpResponse response, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
