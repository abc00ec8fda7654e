using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EditableHeadlineTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite-only: the content-version triggers of SiteTexts, new, and of StatedFigures, which EditableHeadline
            // rebuilt (a rebuild drops a table's triggers, and EF rebuilds at the end of a migration, so they are created
            // here rather than there). Data/Versioning.
            foreach (var sql in Versioning.ContentVersionTriggers.SqliteDrop("StatedFigures", "SiteTexts")
                .Concat(Versioning.ContentVersionTriggers.SqliteCreate("StatedFigures", "SiteTexts")))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Versioning.ContentVersionTriggers.SqliteDrop("SiteTexts"))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
