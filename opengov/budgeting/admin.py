from __future__ import annotations

from django.contrib import admin

from opengov.budgeting.models import CountRun, Process, ProcessArea, Proposal


class AreaInline(admin.TabularInline[ProcessArea, Process]):
    model = ProcessArea
    extra = 0
    fields = ("name_th", "name_en", "budget")


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin[Process]):
    list_display = ("title_th", "organisation", "ballot_style", "rule", "voting_open_at")
    list_filter = ("ballot_style", "rule")
    search_fields = ("title_th", "title_en", "slug")
    inlines = (AreaInline,)


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin[Proposal]):
    list_display = ("code", "title", "area", "status", "cost")
    list_filter = ("status",)
    search_fields = ("code", "title")
    raw_id_fields = ("area", "merged_into", "category")


@admin.register(CountRun)
class CountRunAdmin(admin.ModelAdmin[CountRun]):
    list_display = ("area", "status", "progress", "rule", "total_cost", "created_at")
    list_filter = ("status",)
    readonly_fields = ("summary", "winners", "input_digest")
