#pragma once

#include "readbudget.h"

#include <gumbo.h>

#include <csetjmp>
#include <cstddef>

namespace carto::ingest {

// Runs gumbo under a memory cap and a ReadBudget, and frees its whole output
// without recursion. gumbo cannot be stopped and never checks an allocation,
// and gumbo_destroy_output recurses once per tree level (a million unclosed
// <span> overflow the stack). So every gumbo allocation goes through this
// arena: a header links it into a list, which teardown walks; when the cap or
// the budget is passed the allocator longjmps back to parse(), which is safe
// because only gumbo's C frames lie in between, and everything gumbo had
// allocated is still on the list. Private to carto_ingest; HtmlReader uses it.
class GumboArena final
{
public:
    enum class Failure { None, TooMuchMemory, BudgetSpent };

    GumboArena(std::size_t maxLiveBytes, const ReadBudget &budget);
    ~GumboArena(); // frees everything gumbo allocated
    GumboArena(const GumboArena &) = delete;
    GumboArena &operator=(const GumboArena &) = delete;

    // The parse tree, or nullptr with failure() set. The tree lives as long as the arena.
    [[nodiscard]] GumboOutput *parse(const char *utf8, std::size_t size);
    [[nodiscard]] Failure failure() const { return m_failure; }
    [[nodiscard]] std::size_t maxLiveBytes() const { return m_maxLiveBytes; }

private:
    struct alignas(std::max_align_t) Header
    {
        Header *prev;
        Header *next;
        std::size_t size;
    };

    static void *allocate(void *arena, std::size_t size);
    static void deallocate(void *arena, void *pointer);
    [[noreturn]] void fail(Failure failure);

    Header m_head{&m_head, &m_head, 0}; // sentinel of a circular list
    std::size_t m_liveBytes = 0;
    std::size_t m_maxLiveBytes;
    unsigned m_allocations = 0;
    const ReadBudget &m_budget;
    Failure m_failure = Failure::None;
    std::jmp_buf m_jump;
};

} // namespace carto::ingest
