using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ImportBatchId",
                table: "Revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportBatchId",
                table: "Drafts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProjectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AsDrafts = table.Column<bool>(type: "INTEGER", nullable: false),
                    UndoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_ImportBatchId",
                table: "Revisions",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_ImportBatchId",
                table: "Drafts",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_ImportedAtUtc",
                table: "ImportBatches",
                column: "ImportedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_Revisions_ImportBatchId",
                table: "Revisions");

            migrationBuilder.DropIndex(
                name: "IX_Drafts_ImportBatchId",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "Drafts");
        }
    }
}
