using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftVersionAndPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "Drafts",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Change"); // drafts saved before unpublishing could be scheduled change their row

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "Drafts",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Drafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Drafts");
        }
    }
}
