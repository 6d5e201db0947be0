#include "gumboarena.h"

#include <cstdlib>

namespace carto::ingest {

GumboArena::GumboArena(std::size_t maxLiveBytes, const ReadBudget &budget)
    : m_maxLiveBytes(maxLiveBytes)
    , m_budget(budget)
{
}

GumboArena::~GumboArena()
{
    Header *h = m_head.next;
    while (h != &m_head) {
        Header *next = h->next;
        std::free(h);
        h = next;
    }
}

void GumboArena::fail(Failure failure)
{
    m_failure = failure;
    std::longjmp(m_jump, 1);
}

void *GumboArena::allocate(void *userdata, std::size_t size)
{
    auto *arena = static_cast<GumboArena *>(userdata);
    if (size > arena->m_maxLiveBytes - arena->m_liveBytes)
        arena->fail(Failure::TooMuchMemory);
    // A clock read per allocation would cost more than the parse; every 1024th is plenty.
    if ((++arena->m_allocations & 1023u) == 0 && arena->m_budget.exhausted())
        arena->fail(Failure::BudgetSpent);
    auto *h = static_cast<Header *>(std::malloc(sizeof(Header) + size));
    if (!h)
        arena->fail(Failure::TooMuchMemory);
    h->size = size;
    h->prev = &arena->m_head;
    h->next = arena->m_head.next;
    arena->m_head.next->prev = h;
    arena->m_head.next = h;
    arena->m_liveBytes += size;
    return h + 1;
}

void GumboArena::deallocate(void *userdata, void *pointer)
{
    if (!pointer)
        return;
    auto *arena = static_cast<GumboArena *>(userdata);
    Header *h = static_cast<Header *>(pointer) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    arena->m_liveBytes -= h->size;
    std::free(h);
}

GumboOutput *GumboArena::parse(const char *utf8, std::size_t size)
{
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = this;
    // No automatic object here is changed between setjmp and the longjmp back.
    if (setjmp(m_jump) != 0)
        return nullptr;
    return gumbo_parse_with_options(&options, utf8, size);
}

} // namespace carto::ingest
