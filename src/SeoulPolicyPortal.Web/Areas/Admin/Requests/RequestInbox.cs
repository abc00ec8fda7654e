using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeoulPolicyPortal.Web.Data;
using SeoulPolicyPortal.Web.Features.Consultations;
using SeoulPolicyPortal.Web.Features.Shared;

namespace SeoulPolicyPortal.Web.Areas.Admin.Requests;

/// <summary>Status names as they appear in addresses (?status=in-progress) and, through the localizer, on pages.</summary>
public static class RequestStatuses
{
    public static readonly IReadOnlyList<ConsultationStatus> All = Enum.GetValues<ConsultationStatus>();

    public static string Slug(ConsultationStatus status) => status switch
    {
        ConsultationStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Label(ConsultationStatus status) => status switch
    {
        ConsultationStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static ConsultationStatus? Parse(string? slug) => All.Cast<ConsultationStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    public static bool IsOpen(ConsultationStatus status) => status is ConsultationStatus.New or ConsultationStatus.InProgress;
}

/// <summary>The inbox's query string exactly as received.</summary>
public sealed record RequestQueryString(string? Status, string? Area, string? Country, string? Assignee, string? Page);

/// <summary>An inbox view; the same record drives the page and the CSV export.</summary>
public sealed record RequestFilter(ConsultationStatus? Status = null, string? Area = null, string? Country = null, string? Assignee = null, int Page = 1)
{
    public const string Unassigned = "none";
    public const int PageSize = 50;

    public static (RequestFilter Filter, List<FilterProblem> Problems) Parse(RequestQueryString query, string currentUser)
    {
        var problems = new List<FilterProblem>();
        var status = QueryText.Clean(query.Status);
        var parsedStatus = RequestStatuses.Parse(status);
        if (status is not null && parsedStatus is null)
        {
            problems.Add(new FilterProblem("status", "There is no status “{0}”; requests of every status are shown.", QueryText.Echo(status)));
        }

        var country = QueryText.Clean(query.Country);
        if (country is not null && country != ConsultationInput.OtherCountry && !QueryText.IsCountryCode(country))
        {
            problems.Add(new FilterProblem("country", "“{0}” is not a two-letter country code; requests from every country are shown.", QueryText.Echo(country)));
            country = null;
        }

        var assignee = QueryText.Clean(query.Assignee);
        var page = QueryText.Clean(query.Page);
        var pageNumber = 1;
        if (page is not null && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) && pageNumber is >= 1 and <= 10_000))
        {
            problems.Add(new FilterProblem("page", "The page “{0}” is not a page number; the first page is shown.", QueryText.Echo(page)));
            pageNumber = 1;
        }

        return (new RequestFilter(
            parsedStatus,
            QueryText.Clean(query.Area)?.ToLowerInvariant(),
            country is null or ConsultationInput.OtherCountry ? country : country.ToUpperInvariant(),
            assignee == "me" ? currentUser : assignee,
            pageNumber), problems);
    }

    public Dictionary<string, string?> ToRouteValues(bool withPage = true)
    {
        var values = new Dictionary<string, string?>();
        if (Status is { } status)
        {
            values["status"] = RequestStatuses.Slug(status);
        }

        if (Area is not null)
        {
            values["area"] = Area;
        }

        if (Country is not null)
        {
            values["country"] = Country;
        }

        if (Assignee is not null)
        {
            values["assignee"] = Assignee;
        }

        if (withPage && Page > 1)
        {
            values["page"] = Page.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}

public sealed record RequestRow(
    int Id, string Reference, DateTime ReceivedAtUtc, ConsultationStatus Status, string? Name, string? Organisation, string? City,
    string? Country, string? AreaName, string? Topic, string Language, string? AssignedTo, DateTime? FirstAnsweredAtUtc, DateTime? ClosedAtUtc,
    bool Erased, string? AboutProject);

public sealed record StatusCount(ConsultationStatus Status, int Count);

public sealed record Choice(string Value, string Label);

public sealed record InboxPage(
    RequestFilter Filter, IReadOnlyList<RequestRow> Items, int Total, int AllStatusesTotal, IReadOnlyList<StatusCount> Statuses,
    IReadOnlyList<Choice> Areas, IReadOnlyList<Choice> Countries, IReadOnlyList<string> Editors, IReadOnlyList<FilterProblem> Problems)
{
    public int PageCount => Math.Max(1, (Total + RequestFilter.PageSize - 1) / RequestFilter.PageSize);
}

public sealed record ActivityItem(DateTime AtUtc, string By, string Kind, string? From, string? To, string? Text);

public sealed record ReplyItem(DateTime WrittenAtUtc, string By, string? Subject, string? Body, OutboxStatus Delivery, int Attempts, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError);

public sealed record RequestDetails(
    int Id, string Reference, DateTime ReceivedAtUtc, ConsultationStatus Status, int Version, string? Name, string? JobTitle, string? Organisation,
    string? City, string? Country, string? Email, string Language, string? Topic, string? Message, DateTime ConsentedAtUtc, string? AssignedTo,
    DateTime? ClosedAtUtc, DateTime? ErasedAtUtc, ConsultationAbout? About, IReadOnlyList<ActivityItem> History, IReadOnlyList<ReplyItem> Replies)
{
    public bool Erased => ErasedAtUtc is not null;
}

/// <summary>The editors' questions about requests: the inbox (page and CSV alike), one request, the editors to assign.</summary>
public sealed class RequestInbox(PortalDbContext db)
{
    public const int MaxExportRows = 50_000;

    public async Task<InboxPage> QueryAsync(RequestFilter filter, IReadOnlyList<FilterProblem> problems, CancellationToken cancellationToken)
    {
        var scoped = Filtered(filter, withStatus: false);
        var counts = await scoped.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = RequestStatuses.All.Select(s => new StatusCount(s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        var matching = Filtered(filter, withStatus: true);
        var total = await matching.CountAsync(cancellationToken);
        var items = await Rows(matching).Skip((filter.Page - 1) * RequestFilter.PageSize).Take(RequestFilter.PageSize).ToListAsync(cancellationToken);

        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Position).Select(a => new Choice(a.Slug, a.Name)).ToListAsync(cancellationToken);
        var countries = (await db.Countries.AsNoTracking().Select(c => new Choice(c.Code, c.Name)).ToListAsync(cancellationToken))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        return new InboxPage(filter, items, total, statuses.Sum(s => s.Count), statuses, areas, countries, await EditorsAsync(cancellationToken), problems);
    }

    /// <summary>Every request of the view, for the CSV export, newest first.</summary>
    public Task<List<RequestRow>> ExportAsync(RequestFilter filter, CancellationToken cancellationToken) =>
        Rows(Filtered(filter, withStatus: true)).Take(MaxExportRows).ToListAsync(cancellationToken);

    public async Task<RequestDetails?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var request = await db.ConsultationRequests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new
            {
                Row = r,
                Country = r.Country == null ? r.OtherCountry : r.Country.Name,
                AboutProject = r.AboutProject == null ? null : new { r.AboutProject.Id, r.AboutProject.Title, r.AboutProject.AreaId },
                AboutArea = r.AboutArea == null ? null : new { r.AboutArea.Id, r.AboutArea.Slug, r.AboutArea.Name },
                AboutCountry = db.Countries.Where(c => c.Code == r.AboutCountryCode).Select(c => c.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var r = request.Row;
        var about = request.AboutProject is { } p ? new ConsultationAbout(AboutKind.Project, p.Title, p.Id)
            : request.AboutArea is { } a ? new ConsultationAbout(AboutKind.Area, a.Name, null, a.Id, a.Slug)
            : request.AboutCountry is { } c ? new ConsultationAbout(AboutKind.Country, c, CountryCode: r.AboutCountryCode)
            : null;
        var history = await db.ConsultationActivities.AsNoTracking().Where(x => x.RequestId == id).OrderBy(x => x.Id)
            .Select(x => new ActivityItem(x.AtUtc, x.By, x.Kind, x.FromValue, x.ToValue, x.Text)).ToListAsync(cancellationToken);
        var replies = await db.ConsultationReplies.AsNoTracking().Where(x => x.RequestId == id).OrderBy(x => x.Id)
            .Select(x => new ReplyItem(x.WrittenAtUtc, x.By, x.Subject, x.Body, x.OutboxMessage!.Status, x.OutboxMessage.Attempts,
                x.OutboxMessage.SentAtUtc, x.OutboxMessage.NextAttemptAtUtc, x.OutboxMessage.LastError))
            .ToListAsync(cancellationToken);
        return new RequestDetails(r.Id, r.Reference, r.ReceivedAtUtc, r.Status, r.Version, r.Name, r.JobTitle, r.Organisation, r.City,
            request.Country, r.Email, r.PreferredLanguage, r.Topic, r.Message, r.ConsentedAtUtc, r.AssignedTo, r.ClosedAtUtc, r.ErasedAtUtc,
            about, history, replies);
    }

    /// <summary>The accounts a request can be assigned to (by user name): every Editor and Admin.</summary>
    public async Task<IReadOnlyList<string>> EditorsAsync(CancellationToken cancellationToken) =>
        (await EditorAccountsAsync(cancellationToken)).Select(a => a.UserName).ToList();

    /// <summary>Every Editor and Admin account with its email address, the default recipients of new-request notices.</summary>
    public async Task<IReadOnlyList<(string UserName, string? Email)>> EditorAccountsAsync(CancellationToken cancellationToken)
    {
        var roles = new[] { AdminRoles.Editor, AdminRoles.Admin };
        var accounts = await (from user in db.Users
                              join userRole in db.UserRoles on user.Id equals userRole.UserId
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where roles.Contains(role.Name!) && user.UserName != null
                              select new { user.UserName, user.Email }).Distinct().ToListAsync(cancellationToken);
        return accounts.Select(a => (UserName: a.UserName!, Email: (string?)a.Email)).OrderBy(a => a.Item1, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private IQueryable<ConsultationRequest> Filtered(RequestFilter filter, bool withStatus)
    {
        var requests = db.ConsultationRequests.AsNoTracking();
        if (withStatus && filter.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (filter.Area is { } area)
        {
            requests = requests.Where(r => r.Area!.Slug == area);
        }

        if (filter.Country == ConsultationInput.OtherCountry)
        {
            requests = requests.Where(r => r.CountryCode == null);
        }
        else if (filter.Country is { } country)
        {
            requests = requests.Where(r => r.CountryCode == country);
        }

        if (filter.Assignee == RequestFilter.Unassigned)
        {
            requests = requests.Where(r => r.AssignedTo == null);
        }
        else if (filter.Assignee is { } assignee)
        {
            requests = requests.Where(r => r.AssignedTo == assignee);
        }

        return requests;
    }

    private static IQueryable<RequestRow> Rows(IQueryable<ConsultationRequest> requests) =>
        requests.OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new RequestRow(
                r.Id, r.Reference, r.ReceivedAtUtc, r.Status, r.Name, r.Organisation, r.City,
                r.Country == null ? r.OtherCountry : r.Country.Name, r.Area == null ? null : r.Area.Name, r.Topic, r.PreferredLanguage, r.AssignedTo,
                r.FirstAnsweredAtUtc, r.ClosedAtUtc, r.ErasedAtUtc != null, r.AboutProject == null ? null : r.AboutProject.Title));
}
