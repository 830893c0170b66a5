package com.example.til.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the API returns for a member: an immutable record instead of a hand-written class
 * with getters, equals, hashCode and toString.
 */
public record MemberDto(
        Long id,
        String name,
        String email,
        LocalDate joinedOn,
        List<String> roles) {

    /** Compact constructor: validates and copies before the fields are assigned. */
    public MemberDto {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (!email.contains("@")) {
            throw new IllegalArgumentException("invalid email: " + email);
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static MemberDto from(Member member) {
        return new MemberDto(
                member.getId(),
                member.getName(),
                member.getEmail(),
                member.getJoinedOn(),
                member.getRoles().stream().map(Role::name).toList());
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }
}
