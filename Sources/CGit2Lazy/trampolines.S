/* One entry point per libgit2 function GitSync calls: a jump through git2_lazy_table. The table
   starts empty; the first call to any of them loads libgit2 (lazy.c) and fills it, so a command
   that never touches git never loads libgit2 and its dependencies (docs/ARCHITECTURE.md). */
#if defined(__x86_64__) && defined(__linux__)

        .text
/* Saves the argument registers, loads libgit2 (once, thread-safe), restores them, returns.
   Entered from a stub with %rsp 16-byte aligned; rbp + 7 pushes + 128 keep it so at the call. */
        .p2align 4
        .type git2_lazy_slow, @function
git2_lazy_slow:
        pushq %rbp
        movq %rsp, %rbp
        pushq %rdi
        pushq %rsi
        pushq %rdx
        pushq %rcx
        pushq %r8
        pushq %r9
        pushq %rax
        subq $128, %rsp
        movdqu %xmm0, 0(%rsp)
        movdqu %xmm1, 16(%rsp)
        movdqu %xmm2, 32(%rsp)
        movdqu %xmm3, 48(%rsp)
        movdqu %xmm4, 64(%rsp)
        movdqu %xmm5, 80(%rsp)
        movdqu %xmm6, 96(%rsp)
        movdqu %xmm7, 112(%rsp)
        call git2_lazy_load@PLT
        movdqu 0(%rsp), %xmm0
        movdqu 16(%rsp), %xmm1
        movdqu 32(%rsp), %xmm2
        movdqu 48(%rsp), %xmm3
        movdqu 64(%rsp), %xmm4
        movdqu 80(%rsp), %xmm5
        movdqu 96(%rsp), %xmm6
        movdqu 112(%rsp), %xmm7
        addq $128, %rsp
        popq %rax
        popq %r9
        popq %r8
        popq %rcx
        popq %rdx
        popq %rsi
        popq %rdi
        popq %rbp
        ret
        .size git2_lazy_slow, .-git2_lazy_slow

#define GIT2_SYMBOL(index, name)                          \
        .globl name;                                      \
        .type name, @function;                            \
        .p2align 4;                                       \
name:                                                     \
        movq git2_lazy_table+8*index(%rip), %r11;         \
        testq %r11, %r11;                                 \
        jz 1f;                                            \
        jmp *%r11;                                        \
1:      call git2_lazy_slow;                              \
        jmp name;                                         \
        .size name, .-name;
#include "symbols.def"
#undef GIT2_SYMBOL

        .bss
        .p2align 3
        .globl git2_lazy_table
        .hidden git2_lazy_table
git2_lazy_table:
        .zero 8*GIT2_SYMBOL_COUNT

        .section .note.GNU-stack,"",@progbits
#endif
