using Microsoft.Extensions.Localization;
using SeoulPolicyPortal.Web.Areas.Admin.Editing;
using SeoulPolicyPortal.Web.Features.Consultations;

namespace SeoulPolicyPortal.Web.Areas.Admin.Audit;

/// <summary>
/// What each code stored in the audit log means, as a sentence in the reader's language. The codes stay in the database
/// (they are stable, and a query can filter on them); a code this list does not know yet still reads as words.
/// </summary>
public static class AuditSentences
{
    /// <summary>An account event (<see cref="AuditKinds"/>, <see cref="ConsultationAuditKinds"/>).</summary>
    public static string Event(IStringLocalizer t, string kind) => kind switch
    {
        AuditKinds.SignInSucceeded => t["Signed in"],
        AuditKinds.SignInFailed => t["Sign-in failed: wrong email address or password"],
        AuditKinds.LockedOut => t["Sign-in refused: the account is locked"],
        AuditKinds.SignedOut => t["Signed out of every session"],
        AuditKinds.UserCreated => t["Account created"],
        AuditKinds.UserReset => t["Password set by an administrator"],
        AuditKinds.RoleChanged => t["Role changed"],
        AuditKinds.Unlocked => t["Account unlocked"],
        AuditKinds.Locked => t["Account locked"],
        AuditKinds.ThrottleLifted => t["Sign-in wait lifted"],
        AuditKinds.PasswordChanged => t["Changed their own password"],
        AuditKinds.PasswordChangeFailed => t["Password change refused: wrong current password"],
        AuditKinds.PasswordResetRequested => t["Password reset link sent by email"],
        AuditKinds.PasswordResetByLink => t["Password reset with a link from an email"],
        ConsultationAuditKinds.Erased => t["Consultation request's personal data erased"],
        _ when Drafts.DraftEvents.All.Contains(kind) => t[Drafts.DraftEvents.Describe(kind)],
        _ => Words(kind),
    };

    /// <summary>A content change (<see cref="RevisionActions"/>) of a kind of content, named by its noun ("Project").</summary>
    public static string Change(IStringLocalizer t, string noun, string action) => action switch
    {
        RevisionActions.Created => t["{0} created", t[noun]],
        RevisionActions.Edited => t["{0} edited", t[noun]],
        RevisionActions.Archived => t["{0} archived", t[noun]],
        RevisionActions.Unarchived => t["{0} brought back from the archive", t[noun]],
        RevisionActions.Restored => t["{0} restored to an earlier version", t[noun]],
        _ => $"{t[noun]}: {Words(action)}",
    };

    /// <summary>"sign-in-succeeded" reads "Sign in succeeded": a code nobody described yet is still not shown raw.</summary>
    public static string Words(string code)
    {
        var words = code.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
